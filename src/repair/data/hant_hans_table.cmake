# ICU's Traditional-Simplified transform (src/repair/hant_hans_table.h), written at build time
# (tools/hant_hans_table) as C++ initializers that hant_hans_table.cc compiles: text.traditional reads them in
# place instead of creating ICU's transliterator in every process.
add_executable(wenshu_hant_hans_table ${PROJECT_SOURCE_DIR}/tools/hant_hans_table/hant_hans_table.cc)
set_target_properties(wenshu_hant_hans_table PROPERTIES OUTPUT_NAME wenshu-hant-hans-table
                                                        RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_include_directories(wenshu_hant_hans_table PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(wenshu_hant_hans_table PRIVATE ICU::i18n ICU::uc)
wenshu_set_warnings(wenshu_hant_hans_table)
set(_wenshu_hant_hans_chars ${PROJECT_BINARY_DIR}/generated/repair/hant_hans_chars.inc)
set(_wenshu_hant_hans_rules ${PROJECT_BINARY_DIR}/generated/repair/hant_hans_rules.inc)
add_custom_command(
  OUTPUT ${_wenshu_hant_hans_chars} ${_wenshu_hant_hans_rules}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated/repair
  COMMAND wenshu_hant_hans_table ${_wenshu_hant_hans_chars} ${_wenshu_hant_hans_rules}
  DEPENDS wenshu_hant_hans_table
  COMMENT "Writing the Traditional-Simplified table"
  VERBATIM)
add_custom_target(wenshu_hant_hans_tables DEPENDS ${_wenshu_hant_hans_chars} ${_wenshu_hant_hans_rules})
add_dependencies(wenshu_repair wenshu_hant_hans_tables)
