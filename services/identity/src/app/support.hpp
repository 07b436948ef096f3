#pragma once

#include <boost/json/array.hpp>
#include <string>
#include <vector>

namespace codeflix::identity::app {

inline boost::json::array to_array(const std::vector<std::string>& values) {
    boost::json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

}  // namespace codeflix::identity::app
