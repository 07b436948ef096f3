# Project-wide compile settings and helpers.
add_library(codeflix_warnings INTERFACE)
target_compile_options(codeflix_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Werror)

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
  add_test(NAME ${name} COMMAND ${name})
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
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
