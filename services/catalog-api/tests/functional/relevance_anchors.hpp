#pragma once

// The hand-written part of the relevance catalog (relevance_anchors.cpp): categories, genres, the
// anchor titles the cases search for, and their people.

#include <vector>

#include "relevance_catalog.hpp"

namespace codeflix::catalog_api::testing::anchors {

std::vector<CatalogCategory> all_categories();
std::vector<CatalogGenre> all_genres();
std::vector<CatalogPerson> anchor_people();
std::vector<CatalogTitle> anchor_titles();

}  // namespace codeflix::catalog_api::testing::anchors
