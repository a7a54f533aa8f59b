# Compiles committed text tables into the library as string constants, so wenshu needs no data file at
# run time: furniture_model.tsv (site lines, built by tools/furniture/train.py). The spun-vocabulary
# model is compiled into a binary form instead (vocab_model.cmake).
function(wenshu_embed_table name tsv)
  set(_inc ${PROJECT_BINARY_DIR}/generated/repair/${name}_data.inc)
  add_custom_command(
    OUTPUT ${_inc}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${tsv} -DOUTPUT=${_inc}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_text.cmake
    DEPENDS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${tsv} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_text.cmake
    COMMENT "Embedding ${tsv}"
    VERBATIM)
  add_custom_target(wenshu_${name} DEPENDS ${_inc})
  add_dependencies(wenshu_repair wenshu_${name})
endfunction()
wenshu_embed_table(furniture_model furniture_model.tsv)
