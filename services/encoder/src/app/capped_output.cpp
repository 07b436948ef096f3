#include "capped_output.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../domain/capped_manifests.hpp"
#include "../domain/ffmpeg_command.hpp"

namespace codeflix::encoder::app {
namespace {

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || !text) throw std::runtime_error("cannot read " + file.filename().string());
    return text.str();
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + file.filename().string());
}

}  // namespace

core::Result<std::vector<int>> write_capped_manifests(const std::filesystem::path& folder,
                                                      const std::vector<domain::Rung>& ladder) {
    std::vector<int> written;
    auto caps = domain::quality_caps(ladder);
    if (caps.empty()) return written;
    auto master = read_text(folder / domain::kMasterPlaylistName);
    auto manifest = read_text(folder / domain::kManifestName);
    for (int cap : caps) {
        auto capped_master = domain::cap_hls_master(master, cap);
        auto capped_manifest = domain::cap_dash_manifest(manifest, cap);
        if (!capped_master || !capped_manifest) {
            return core::Error::unprocessable("the encoder cannot write the " +
                                              domain::quality_name(cap) +
                                              " manifests: ffmpeg's manifests are not as expected");
        }
        write_text(folder / domain::capped_master_name(cap), *capped_master);
        write_text(folder / domain::capped_manifest_name(cap), *capped_manifest);
        written.push_back(cap);
    }
    return written;
}

boost::json::object capped_manifest_keys(const std::string& folder, const std::vector<int>& caps) {
    boost::json::object capped;
    for (int cap : caps) {
        capped[domain::quality_name(cap)] =
            boost::json::object{{"hls", folder + domain::capped_master_name(cap)},
                                {"dash", folder + domain::capped_manifest_name(cap)}};
    }
    return capped;
}

}  // namespace codeflix::encoder::app
