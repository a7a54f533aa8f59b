# cmake -DINPUT=furniture_model.tsv -DOUTPUT=<.inc> -P furniture_table.cmake
#
# Compiles the furniture line model (tools/furniture/train.py's TSV: a V version row, a B bias row, W
# feature-weight rows, # comments) into C++ initializers, so that the library parses nothing at run time:
#   kFurnitureBias = <bias>;  kFurnitureWeights[] = {{R"wsk(<feature>)wsk", <weight>}, ...};
#   kFurnitureFeatures[] = "" R"wsk(<feature>)wsk" ...;   (the same features one after another)
# site_lines.cc builds the hash index over kFurnitureWeights at compile time (constexpr), and the table it
# uses at run time, which places each feature in kFurnitureFeatures by offset (no pointers to relocate).
# The weights are the TSV's decimal texts, read by the compiler exactly as absl::SimpleAtod reads them (correctly rounded),
# so the compiled model scores every line as the parsed one does. A row of any other shape stops the build.
file(READ "${INPUT}" _content)
string(FIND "${_content}" ")wsk\"" _clash)
if(NOT _clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )wsk\"")
endif()
# Every row begins after a "\n" (comments are dropped: a '#' inside a feature is only ever mid-row).
string(PREPEND _content "\n")
string(REGEX REPLACE "\r" "" _content "${_content}")
string(REGEX REPLACE "\n#[^\n]*" "" _content "${_content}")
string(REGEX MATCH "\nV\t([^\t\n]*)\t([^\t\n]*)" _version "${_content}")
if(NOT CMAKE_MATCH_1 STREQUAL "wenshu-furniture-model" OR NOT CMAKE_MATCH_2 STREQUAL "2")
  message(FATAL_ERROR "${INPUT}: no version row 'V<TAB>wenshu-furniture-model<TAB>2'")
endif()
string(REGEX REPLACE "\nV\t[^\n]*" "" _content "${_content}")
string(REGEX MATCH "\nB\t([-+0-9.eE]+)(\n|$)" _bias "${_content}")
if(_bias STREQUAL "")
  message(FATAL_ERROR "${INPUT}: no bias row 'B<TAB>number'")
endif()
set(_bias_value "${CMAKE_MATCH_1}")
string(REGEX REPLACE "\nB\t[^\n]*" "" _content "${_content}")
set(_rows "${_content}")
# (A weight with trailing junk leaves it after the initializer: the compiler rejects it.)
string(REGEX REPLACE "\nW\t([^\t\n]+)\t([-+0-9.eE]+)" "\n{R\"wsk(\\1)wsk\", \\2}," _content "${_content}")
string(REGEX REPLACE "\n\n+" "\n" _content "${_content}")
string(REGEX MATCH "\n[^{][^\n]*" _bad "${_content}")
if(NOT _bad STREQUAL "")
  message(FATAL_ERROR "${INPUT}: bad row:${_bad}")
endif()
string(REGEX REPLACE "\nW\t([^\t\n]+)\t[-+0-9.eE]+" "\nR\"wsk(\\1)wsk\"" _features "${_rows}")
string(REGEX REPLACE "\n\n+" "\n" _features "${_features}")
set(_out "// Generated from ${INPUT} by furniture_table.cmake; do not edit.\n")
string(APPEND _out "inline constexpr double kFurnitureBias = ${_bias_value};\n")
string(APPEND _out "inline constexpr FurnitureWeight kFurnitureWeights[] = {${_content}};\n")
string(APPEND _out "inline constexpr char kFurnitureFeatures[] = \"\"${_features};\n")
file(WRITE "${OUTPUT}.tmp" "${_out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
