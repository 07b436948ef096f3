#include "capped_manifests.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace codeflix::encoder::domain {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

/// A positive decimal number making up all of `text`.
std::optional<int> positive_number(std::string_view text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

constexpr std::string_view kStreamInf = "#EXT-X-STREAM-INF:";
constexpr std::string_view kIFrameStreamInf = "#EXT-X-I-FRAME-STREAM-INF:";

/// One line of a playlist: `text` without its line ending, `whole` with it.
struct Line {
    std::string_view text;
    std::string_view whole;
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto whole = text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
        auto content = whole;
        if (content.ends_with('\n')) content.remove_suffix(1);
        if (content.ends_with('\r')) content.remove_suffix(1);
        lines.push_back({content, whole});
        text.remove_prefix(whole.size());
    }
    return lines;
}

/// The value of `name` in an HLS attribute list (`NAME=value,NAME="quoted, value"`), without
/// its quotes: nullopt inside when absent, nullopt outside when the list is malformed.
std::optional<std::optional<std::string_view>> hls_attribute(std::string_view list,
                                                             std::string_view name) {
    std::optional<std::string_view> found;
    list = trim(list);
    while (!list.empty()) {
        auto equals = list.find('=');
        if (equals == std::string_view::npos || equals == 0) return std::nullopt;
        auto attribute = trim(list.substr(0, equals));
        list.remove_prefix(equals + 1);
        std::string_view value;
        if (list.starts_with('"')) {
            auto close = list.find('"', 1);
            if (close == std::string_view::npos) return std::nullopt;
            value = list.substr(1, close - 1);
            list.remove_prefix(close + 1);
            list = trim(list);
            if (!list.empty() && !list.starts_with(',')) return std::nullopt;
        } else {
            auto comma = list.find(',');
            value = trim(list.substr(0, comma));
            list.remove_prefix(comma == std::string_view::npos ? list.size() : comma);
        }
        if (list.starts_with(',')) list = trim(list.substr(1));
        if (attribute == name) found = value;
    }
    return found;
}

/// Where a variant tag's RESOLUTION puts it against the cap.
enum class Fit { within, above, no_resolution, malformed };

Fit variant_fit(std::string_view attributes, int cap) {
    auto resolution = hls_attribute(attributes, "RESOLUTION");
    if (!resolution) return Fit::malformed;
    if (!*resolution) return Fit::no_resolution;
    auto text = **resolution;
    auto x = text.find_first_of("xX");
    if (x == std::string_view::npos) return Fit::malformed;
    auto width = positive_number(text.substr(0, x));
    auto height = positive_number(text.substr(x + 1));
    if (!width || !height) return Fit::malformed;
    return std::min(*width, *height) <= cap ? Fit::within : Fit::above;
}

enum class TagKind { open, close, self_closing, other };

/// One markup construct: `begin` at its '<', `end` after its '>'; for elements the local name
/// (namespace prefix dropped) and the offsets of the attribute text.
struct Tag {
    TagKind kind = TagKind::other;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view name;
    std::size_t attributes_begin = 0;
    std::size_t attributes_end = 0;
};

struct Attribute {
    std::string_view name;
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
};

/// Reads the markup constructs of an XML text one by one (elements, end tags, comments, CDATA,
/// declarations); text between them is skipped.
class TagScanner {
  public:
    explicit TagScanner(std::string_view xml) : xml_(xml) {}

    /// The next construct; nullopt at the end, or with failed() for an unterminated one.
    std::optional<Tag> next() {
        auto at = xml_.find('<', position_);
        if (at == std::string_view::npos) return std::nullopt;
        Tag tag;
        tag.begin = at;
        auto rest = xml_.substr(at);
        for (auto [opening, closing] :
             {std::pair<std::string_view, std::string_view>{"<!--", "-->"},
              {"<![CDATA[", "]]>"},
              {"<?", "?>"},
              {"<!", ">"}}) {
            if (!rest.starts_with(opening)) continue;
            auto close = xml_.find(closing, at + opening.size());
            if (close == std::string_view::npos) return fail();
            tag.end = position_ = close + closing.size();
            return tag;
        }
        bool is_close = rest.starts_with("</");
        auto name_begin = at + (is_close ? 2 : 1);
        auto name_end = xml_.find_first_of(" \t\r\n/>", name_begin);
        if (name_end == std::string_view::npos || name_end == name_begin) return fail();
        auto name = xml_.substr(name_begin, name_end - name_begin);
        if (auto colon = name.rfind(':'); colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        auto close = name_end;
        for (char quote = 0; close < xml_.size(); ++close) {
            char c = xml_[close];
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (close >= xml_.size()) return fail();
        auto attributes_end = close;
        while (attributes_end > name_end && is_blank(xml_[attributes_end - 1])) --attributes_end;
        bool self_closing =
            !is_close && attributes_end > name_end && xml_[attributes_end - 1] == '/';
        if (self_closing) --attributes_end;
        tag.kind = is_close ? TagKind::close : self_closing ? TagKind::self_closing : TagKind::open;
        tag.name = name;
        tag.attributes_begin = name_end;
        tag.attributes_end = attributes_end;
        tag.end = position_ = close + 1;
        return tag;
    }

    bool failed() const { return failed_; }

  private:
    std::optional<Tag> fail() {
        failed_ = true;
        return std::nullopt;
    }

    std::string_view xml_;
    std::size_t position_ = 0;
    bool failed_ = false;
};

/// The attributes of `tag` (`name="value"` or `name = 'value'`); nullopt when malformed.
std::optional<std::vector<Attribute>> attributes_of(std::string_view xml, const Tag& tag) {
    std::vector<Attribute> attributes;
    auto at = tag.attributes_begin;
    auto skip_blanks = [&] {
        while (at < tag.attributes_end && is_blank(xml[at])) ++at;
    };
    for (skip_blanks(); at < tag.attributes_end; skip_blanks()) {
        auto name_begin = at;
        while (at < tag.attributes_end && !is_blank(xml[at]) && xml[at] != '=') ++at;
        auto name = xml.substr(name_begin, at - name_begin);
        skip_blanks();
        if (name.empty() || at >= tag.attributes_end || xml[at] != '=') return std::nullopt;
        ++at;
        skip_blanks();
        if (at >= tag.attributes_end || (xml[at] != '"' && xml[at] != '\'')) return std::nullopt;
        auto close = xml.find(xml[at], at + 1);
        if (close == std::string_view::npos || close >= tag.attributes_end) return std::nullopt;
        attributes.push_back({name, at + 1, close});
        at = close + 1;
    }
    return attributes;
}

const Attribute* find_attribute(const std::vector<Attribute>& attributes, std::string_view name) {
    auto found = std::find_if(attributes.begin(), attributes.end(),
                              [&](const Attribute& a) { return a.name == name; });
    return found == attributes.end() ? nullptr : &*found;
}

/// The number an attribute holds: nullopt inside when absent, nullopt outside when it is not a
/// positive number.
std::optional<std::optional<int>> number_attribute(std::string_view xml,
                                                   const std::vector<Attribute>& attributes,
                                                   std::string_view name) {
    const auto* attribute = find_attribute(attributes, name);
    if (attribute == nullptr) return std::optional<int>();
    auto value = positive_number(
        trim(xml.substr(attribute->value_begin, attribute->value_end - attribute->value_begin)));
    if (!value) return std::nullopt;
    return value;
}

/// A replacement of the text in [begin, end).
struct Edit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
};

/// The removal of [begin, end), widened to its whole lines (indentation and line ending) when
/// nothing else stands on them.
Edit removal(std::string_view xml, std::size_t begin, std::size_t end) {
    auto line_begin = begin;
    while (line_begin > 0 && (xml[line_begin - 1] == ' ' || xml[line_begin - 1] == '\t'))
        --line_begin;
    if (line_begin != 0 && xml[line_begin - 1] != '\n') return {begin, end, {}};
    auto line_end = end;
    while (line_end < xml.size() && (xml[line_end] == ' ' || xml[line_end] == '\t')) ++line_end;
    if (xml.substr(line_end).starts_with("\r\n")) return {line_begin, line_end + 2, {}};
    if (xml.substr(line_end).starts_with('\n')) return {line_begin, line_end + 1, {}};
    if (line_end == xml.size()) return {line_begin, line_end, {}};
    return {begin, end, {}};
}

/// What the scan of one AdaptationSet found.
struct AdaptationSet {
    Tag tag;
    std::vector<Attribute> attributes;
    std::optional<int> width;
    std::optional<int> height;
    int kept_video = 0;
    int removed_video = 0;
    int max_width = 0;
    int max_height = 0;
    std::vector<Edit> removals;
};

}  // namespace

std::string quality_name(int cap) { return std::to_string(cap) + "p"; }

std::string capped_master_name(int cap) { return "master_" + quality_name(cap) + ".m3u8"; }

std::string capped_manifest_name(int cap) { return "manifest_" + quality_name(cap) + ".mpd"; }

std::vector<int> quality_caps(const std::vector<Rung>& ladder) {
    std::vector<int> caps;
    for (int cap : kQualityCaps) {
        bool above = std::any_of(ladder.begin(), ladder.end(),
                                 [cap](const Rung& rung) { return rung.short_side() > cap; });
        bool within = std::any_of(ladder.begin(), ladder.end(),
                                  [cap](const Rung& rung) { return rung.short_side() <= cap; });
        if (above && within) caps.push_back(cap);
    }
    return caps;
}

std::optional<std::string> cap_hls_master(std::string_view master, int max_short_side) {
    auto lines = split_lines(master);
    if (lines.empty()) return std::nullopt;
    auto first = lines.front().text;
    if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);  // a UTF-8 byte order mark
    if (trim(first) != "#EXTM3U") return std::nullopt;
    std::string out;
    int variants = 0;
    int kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto text = trim(lines[i].text);
        if (text.starts_with(kIFrameStreamInf)) {
            auto fit = variant_fit(text.substr(kIFrameStreamInf.size()), max_short_side);
            if (fit == Fit::malformed) return std::nullopt;
            if (fit != Fit::above) out += lines[i].whole;
            continue;
        }
        if (!text.starts_with(kStreamInf)) {
            out += lines[i].whole;
            continue;
        }
        ++variants;
        auto fit = variant_fit(text.substr(kStreamInf.size()), max_short_side);
        if (fit == Fit::malformed) return std::nullopt;
        bool keep = fit != Fit::above;
        if (fit == Fit::within) ++kept;
        if (keep) out += lines[i].whole;
        // The variant's URI: the next line that is neither blank nor a tag.
        std::size_t uri = i + 1;
        for (; uri < lines.size(); ++uri) {
            auto next = trim(lines[uri].text);
            if (next.starts_with(kStreamInf)) return std::nullopt;
            if (next.empty() || next.starts_with('#')) {
                // Tags between a variant and its URI are not the variant's; blank lines go with it.
                if (keep || !next.empty()) out += lines[uri].whole;
                continue;
            }
            break;
        }
        if (uri >= lines.size()) return std::nullopt;
        if (keep) {
            out += lines[uri].whole;
            i = uri;
            continue;
        }
        while (uri + 1 < lines.size() && trim(lines[uri + 1].text).empty()) ++uri;
        i = uri;
    }
    if (variants == 0 || kept == 0) return std::nullopt;
    return out;
}

std::optional<std::string> cap_dash_manifest(std::string_view mpd, int max_short_side) {
    TagScanner scanner(mpd);
    bool saw_mpd = false;
    int kept_video = 0;
    std::optional<AdaptationSet> set;
    std::vector<Edit> edits;
    while (auto tag = scanner.next()) {
        if (tag->kind == TagKind::other) continue;
        if (tag->name == "MPD" && tag->kind != TagKind::close) saw_mpd = true;
        if (tag->name == "AdaptationSet" && tag->kind == TagKind::open) {
            if (set) return std::nullopt;  // AdaptationSets do not nest
            auto attributes = attributes_of(mpd, *tag);
            if (!attributes) return std::nullopt;
            auto width = number_attribute(mpd, *attributes, "width");
            auto height = number_attribute(mpd, *attributes, "height");
            if (!width || !height) return std::nullopt;
            set.emplace();
            set->tag = *tag;
            set->attributes = std::move(*attributes);
            set->width = *width;
            set->height = *height;
        } else if (tag->name == "AdaptationSet" && tag->kind == TagKind::close) {
            if (!set) return std::nullopt;
            if (set->removed_video > 0 && set->kept_video == 0) {
                edits.push_back(removal(mpd, set->tag.begin, tag->end));
            } else {
                for (auto& edit : set->removals) edits.push_back(std::move(edit));
                for (auto [name, value] :
                     {std::pair<std::string_view, int>{"maxWidth", set->max_width},
                      {"maxHeight", set->max_height}}) {
                    const auto* attribute = find_attribute(set->attributes, name);
                    if (attribute != nullptr && set->kept_video > 0)
                        edits.push_back(
                            {attribute->value_begin, attribute->value_end, std::to_string(value)});
                }
            }
            kept_video += set->kept_video;
            set.reset();
        } else if (tag->name == "Representation") {
            if (!set || tag->kind == TagKind::close) return std::nullopt;
            auto attributes = attributes_of(mpd, *tag);
            if (!attributes) return std::nullopt;
            auto width = number_attribute(mpd, *attributes, "width");
            auto height = number_attribute(mpd, *attributes, "height");
            if (!width || !height) return std::nullopt;
            auto end = tag->end;
            if (tag->kind == TagKind::open) {
                std::optional<Tag> inner;
                while ((inner = scanner.next()) && inner->name != "Representation") {
                }
                if (!inner || inner->kind != TagKind::close) return std::nullopt;
                end = inner->end;
            }
            auto w = width->has_value() ? *width : set->width;
            auto h = height->has_value() ? *height : set->height;
            if (w.has_value() != h.has_value()) return std::nullopt;
            if (!w) continue;  // audio
            if (std::min(*w, *h) <= max_short_side) {
                ++set->kept_video;
                set->max_width = std::max(set->max_width, *w);
                set->max_height = std::max(set->max_height, *h);
            } else {
                ++set->removed_video;
                set->removals.push_back(removal(mpd, tag->begin, end));
            }
        }
    }
    if (scanner.failed() || set || !saw_mpd || kept_video == 0) return std::nullopt;
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    std::string out;
    std::size_t at = 0;
    for (const auto& edit : edits) {
        out.append(mpd.substr(at, edit.begin - at));
        out += edit.text;
        at = edit.end;
    }
    out.append(mpd.substr(at));
    return out;
}

}  // namespace codeflix::encoder::domain
