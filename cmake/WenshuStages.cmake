# The pipeline's stages as separate object libraries, each of which can see only the stages below it.
#
#   text → tokenize → quantity → repair → report       input (bytes → text) sees only text
#
# A stage's sources compile against an include root of its own (build/stage_include/<stage>/) that links
# to its own folder, the folders of the stages below it and the public headers those stages own, and
# nothing else: an include against the flow (`quantity` including "repair/rule.h" or "wenshu/report.h")
# fails to compile, as Bazel's layering check would make it. The `layering` tests prove both ways.
# The static and shared libraries are built from every stage's objects plus the C ABI (capi/).

# The public headers (include/wenshu/) each stage owns; text owns the ones every stage may use.
set(_wenshu_public_headers_text version.h span.h shared_text.h slim_optional.h slim_vector.h static_name.h
                                dropped.h)
set(_wenshu_public_headers_tokenize dictionary.h tokenizer.h)
set(_wenshu_public_headers_quantity quantity.h section_path.h)
set(_wenshu_public_headers_repair repair.h)
set(_wenshu_public_headers_report report.h)
set(_wenshu_public_headers_input input.h)

# Third-party libraries any stage may use; the stages themselves never link each other (object libraries
# are joined only in the final libraries).
add_library(wenshu_third_party INTERFACE)
target_link_libraries(wenshu_third_party INTERFACE
  ICU::uc ICU::i18n re2::re2 absl::status absl::statusor absl::strings
  absl::str_format absl::flat_hash_map absl::flat_hash_set absl::span
  nlohmann_json::nlohmann_json wenshu_input_deps)

# wenshu_add_stage(<stage> [BELOW <stage>...]): the object library wenshu_<stage> from src/<stage>/*.cc.
function(wenshu_add_stage stage)
  cmake_parse_arguments(ARG "" "" "BELOW" ${ARGN})
  set(root ${PROJECT_BINARY_DIR}/stage_include/${stage})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root}/wenshu)
  foreach(visible IN LISTS ARG_BELOW ITEMS ${stage})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${visible} ${root}/${visible} SYMBOLIC)
    foreach(header IN LISTS _wenshu_public_headers_${visible})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/wenshu/${header} ${root}/wenshu/${header} SYMBOLIC)
    endforeach()
  endforeach()
  set_property(GLOBAL PROPERTY WENSHU_STAGE_ROOT_${stage} ${root})

  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${stage}/*.cc)
  add_library(wenshu_${stage} OBJECT ${sources})
  target_include_directories(wenshu_${stage} PRIVATE ${root} ${PROJECT_BINARY_DIR}/generated)
  target_link_libraries(wenshu_${stage} PRIVATE wenshu_third_party)
  target_compile_definitions(wenshu_${stage} PRIVATE WENSHU_BUILDING_LIBRARY)
  wenshu_set_warnings(wenshu_${stage})
endfunction()
