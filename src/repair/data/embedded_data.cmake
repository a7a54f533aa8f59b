# Compiles committed text tables into the library, so wenshu needs no data file at run time.
# wenshu_embed_table embeds a table as a string constant (embed_text.cmake); wenshu_compile_table turns
# it into C++ initializers with its own script, so nothing is parsed at run time: furniture_model.tsv
# (site lines, built by tools/furniture/train.py) -> furniture_table.cmake. The spun-vocabulary model is
# compiled into a binary form instead (vocab_model.cmake).
function(wenshu_compile_table name tsv script suffix)
  set(_inc ${PROJECT_BINARY_DIR}/generated/repair/${name}_${suffix}.inc)
  add_custom_command(
    OUTPUT ${_inc}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${tsv} -DOUTPUT=${_inc}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${script}
    DEPENDS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${tsv} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${script}
    COMMENT "Compiling ${tsv}"
    VERBATIM)
  add_custom_target(wenshu_${name} DEPENDS ${_inc})
  add_dependencies(wenshu_repair wenshu_${name})
endfunction()
function(wenshu_embed_table name tsv)
  wenshu_compile_table(${name} ${tsv} embed_text.cmake data)
endfunction()
wenshu_compile_table(furniture_model furniture_model.tsv furniture_table.cmake table)
