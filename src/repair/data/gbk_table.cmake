# The GBK bytes of U+3000-U+9FFF (src/repair/gbk_table.h), converted by ICU at build time
# (tools/gbk_table) into C++ initializers that gbk_table.cc compiles: text.mojibake reads them in place
# instead of building the table with ICU in every process.
add_executable(wenshu_gbk_table ${PROJECT_SOURCE_DIR}/tools/gbk_table/gbk_table.cc)
set_target_properties(wenshu_gbk_table PROPERTIES OUTPUT_NAME wenshu-gbk-table
                                                  RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_include_directories(wenshu_gbk_table PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(wenshu_gbk_table PRIVATE ICU::uc)
wenshu_set_warnings(wenshu_gbk_table)
set(_wenshu_gbk_inc ${PROJECT_BINARY_DIR}/generated/repair/gbk_pairs.inc)
add_custom_command(
  OUTPUT ${_wenshu_gbk_inc}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated/repair
  COMMAND wenshu_gbk_table ${_wenshu_gbk_inc}
  DEPENDS wenshu_gbk_table
  COMMENT "Writing the GBK table"
  VERBATIM)
add_custom_target(wenshu_gbk_pairs DEPENDS ${_wenshu_gbk_inc})
add_dependencies(wenshu_repair wenshu_gbk_pairs)
