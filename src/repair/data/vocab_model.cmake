# Compiles the committed spun-vocabulary model (vocab_model.tsv, built by tools/vocab/build_model.py)
# into its binary form at build time (wenshu-dictc --vocab) and embeds it into the library's .rodata,
# so wenshu needs no data file at run time and parses nothing at start-up.
set(_wenshu_vocab_tsv ${CMAKE_CURRENT_LIST_DIR}/vocab_model.tsv)
set(WENSHU_VOCAB_BLOB ${PROJECT_BINARY_DIR}/generated/wenshu_vocab_model.bin)
add_custom_command(
  OUTPUT ${WENSHU_VOCAB_BLOB}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated
  COMMAND wenshu_dictc --vocab ${_wenshu_vocab_tsv} ${WENSHU_VOCAB_BLOB}
  DEPENDS wenshu_dictc ${_wenshu_vocab_tsv}
  COMMENT "Compiling the spun-vocabulary model"
  VERBATIM)
add_custom_target(wenshu_vocab_model DEPENDS ${WENSHU_VOCAB_BLOB})
add_dependencies(wenshu_repair wenshu_vocab_model)
configure_file(${CMAKE_CURRENT_LIST_DIR}/embedded_vocab_model.S.in
               ${PROJECT_BINARY_DIR}/generated/embedded_vocab_model.S @ONLY)
# Set in the directory of the target that compiles the file, so a new blob rebuilds the object.
set_source_files_properties(${PROJECT_BINARY_DIR}/generated/embedded_vocab_model.S
  TARGET_DIRECTORY wenshu_repair PROPERTIES OBJECT_DEPENDS "${WENSHU_VOCAB_BLOB}")
target_sources(wenshu_repair PRIVATE ${PROJECT_BINARY_DIR}/generated/embedded_vocab_model.S)
