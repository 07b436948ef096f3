#include "print_command.hpp"

#include <codeflix/core/config.hpp>
#include <codeflix/media/probe.hpp>
#include <iostream>
#include <string_view>
#include <variant>

#include "../domain/ffmpeg_command.hpp"
#include "../domain/ladder.hpp"
#include "job_runner.hpp"

namespace codeflix::encoder::app {

int print_command(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: codeflix-encoder command INPUT OUTPUT_DIR [--ladder-only]\n";
        return 2;
    }
    core::Config config("encoder");
    auto probed = media::probe(argv[2]);
    if (const auto* failure = std::get_if<media::ProbeFailure>(&probed)) {
        std::cerr << "codeflix-encoder: " << failure->reason << "\n";
        return 1;
    }
    const auto& probe = std::get<media::ProbeResult>(probed);
    auto source = source_info(probe);
    domain::EncodeOptions options;
    options.preset = config.string("PRESET", "veryfast");
    options.threads = static_cast<int>(config.integer("THREADS", 0, 0, 256));
    bool ladder_only = argc > 4 && std::string_view(argv[4]) == "--ladder-only";
    options.images = !ladder_only;
    options.trickplay = !ladder_only;
    for (const auto& arg :
         domain::build_encode_command(config.string("FFMPEG", "ffmpeg"), argv[2], argv[3], source,
                                      domain::build_ladder(source), options))
        std::cout << arg << "\n";
    return 0;
}

}  // namespace codeflix::encoder::app
