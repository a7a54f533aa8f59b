# Compiles the committed spun-vocabulary model (vocab_model.tsv, built by tools/vocab/build_model.py)
# into the library as a string constant, so wenshu needs no data file at run time.
set(_wenshu_vocab_tsv ${CMAKE_CURRENT_LIST_DIR}/vocab_model.tsv)
set(_wenshu_vocab_inc ${PROJECT_BINARY_DIR}/generated/repair/vocab_model_data.inc)
add_custom_command(
  OUTPUT ${_wenshu_vocab_inc}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${_wenshu_vocab_tsv} -DOUTPUT=${_wenshu_vocab_inc}
          -P ${CMAKE_CURRENT_LIST_DIR}/embed_text.cmake
  DEPENDS ${_wenshu_vocab_tsv} ${CMAKE_CURRENT_LIST_DIR}/embed_text.cmake
  COMMENT "Embedding the spun-vocabulary model"
  VERBATIM)
# A custom target carries the rule across directories (wenshu_objects is defined at the top level).
add_custom_target(wenshu_vocab_model DEPENDS ${_wenshu_vocab_inc})
add_dependencies(wenshu_objects wenshu_vocab_model)
