# Project-wide compile settings and helpers.
include(GoogleTest)
add_library(codeflix_warnings INTERFACE)
target_compile_options(codeflix_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Werror
  # GCC 12 reports false -Wrestrict positives on std::string concatenation at -O3 (GCC bug 105329).
  -Wno-restrict)

# codeflix_library(name SOURCES ... DEPS ...): a library under libs/<name> with its public headers.
function(codeflix_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(codeflix_${name} STATIC ${ARG_SOURCES})
  add_library(codeflix::${name} ALIAS codeflix_${name})
  target_include_directories(codeflix_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(codeflix_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} codeflix_warnings)
endfunction()

# codeflix_test(name SOURCES ... DEPS ... [LABELS ...]): a GoogleTest executable registered with CTest.
function(codeflix_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock codeflix_warnings)
  # Each GoogleTest case becomes its own CTest test, listed when ctest runs.
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST NO_PRETTY_VALUES PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 120)
endfunction()

# codeflix_embed_migrations(target DIR): compiles every migrations/<dialect>/NNN_name.sql file of DIR
# into the target, so a binary always carries exactly the schema it was built for.
function(codeflix_embed_migrations target dir)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_migrations.cpp)
  file(GLOB sqlite_files CONFIGURE_DEPENDS ${dir}/sqlite/*.sql)
  file(GLOB pg_files CONFIGURE_DEPENDS ${dir}/postgresql/*.sql)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    DEPENDS ${sqlite_files} ${pg_files} ${PROJECT_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    COMMENT "Embedding migrations of ${target}")
  target_sources(${target} PRIVATE ${out})
endfunction()

# codeflix_embed_text(target FILE SYMBOL): compiles FILE into the target as `const char* SYMBOL()`.
function(codeflix_embed_text target file symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${symbol}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
