# Installs wenshu into a temporary prefix, then, using only that prefix:
#  1. builds examples/c as strict C99 with `pkg-config --cflags --libs wenshu` and runs it;
#  2. configures examples/cpp with find_package(wenshu CONFIG), builds it and runs it;
#  3. checks both print the same title and counts for the same file.
# Run: cmake -DBINARY_DIR= -DSOURCE_DIR= -DWORK_DIR= -DGENERATOR= -DC_COMPILER= -DCXX_COMPILER=
#            -DSAMPLE= -P install_test.cmake
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  cmake_parse_arguments(RUN "" "OUTPUT" "COMMAND" ${ARGN})
  execute_process(COMMAND ${RUN_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN RUN_COMMAND " " cmd)
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
  endif()
  if(RUN_OUTPUT)
    set(${RUN_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

run(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})

# What must be there.
file(GLOB_RECURSE pc_files ${prefix}/*/wenshu.pc)
file(GLOB_RECURSE config_files ${prefix}/*/wenshuConfig.cmake)
file(GLOB_RECURSE sonames ${prefix}/*/libwenshu.so.0)
foreach(v pc_files config_files sonames)
  if(NOT ${v})
    message(FATAL_ERROR "install is missing ${v}")
  endif()
endforeach()
if(NOT EXISTS ${prefix}/include/wenshu.h OR NOT EXISTS ${prefix}/include/wenshu/report.h)
  message(FATAL_ERROR "install is missing the headers")
endif()
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
get_filename_component(libdir ${pc_dir} DIRECTORY)

# 1. The C host with pkg-config, against the installed header and library only.
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
find_program(PKG_CONFIG pkg-config REQUIRED)
run(COMMAND ${PKG_CONFIG} --cflags --libs wenshu OUTPUT pc_flags)
string(STRIP "${pc_flags}" pc_flags)
message(STATUS "pkg-config --cflags --libs wenshu: ${pc_flags}")
separate_arguments(pc_args UNIX_COMMAND "${pc_flags}")
# Every -I and -L must resolve into the install prefix (the .pc file is relocatable).
get_filename_component(real_prefix ${prefix} REALPATH)
foreach(arg IN LISTS pc_args)
  if(arg MATCHES "^-[IL](.*)$")
    get_filename_component(dir "${CMAKE_MATCH_1}" REALPATH)
    string(FIND "${dir}" "${real_prefix}/" at)
    if(NOT at EQUAL 0)
      message(FATAL_ERROR "wenshu.pc points outside the install prefix ${prefix}: ${arg}")
    endif()
  endif()
endforeach()
run(COMMAND ${C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror
            ${SOURCE_DIR}/examples/c/parse_report.c ${pc_args} -o ${WORK_DIR}/parse_report_c)
set(ENV{LD_LIBRARY_PATH} ${libdir})
run(COMMAND ${WORK_DIR}/parse_report_c ${SAMPLE} OUTPUT c_out)
run(COMMAND ldd ${WORK_DIR}/parse_report_c OUTPUT ldd_out)
if(NOT ldd_out MATCHES "libwenshu\\.so\\.0 => ${libdir}/libwenshu\\.so\\.0")
  message(FATAL_ERROR "the C host did not load the installed libwenshu:\n${ldd_out}")
endif()

# 1b. The same C host linked statically against libwenshu.a, with what `pkg-config --static` lists for
# it (the .pc file's Requires.private: ICU, RE2, Abseil, the input libraries, the C++ runtime).
run(COMMAND ${PKG_CONFIG} --static --libs wenshu OUTPUT pc_static)
string(STRIP "${pc_static}" pc_static)
separate_arguments(pc_static_args UNIX_COMMAND "${pc_static}")
list(REMOVE_ITEM pc_static_args -lwenshu)
run(COMMAND ${C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror -I${prefix}/include
            ${SOURCE_DIR}/examples/c/parse_report.c ${libdir}/libwenshu.a ${pc_static_args}
            -o ${WORK_DIR}/parse_report_c_static)
run(COMMAND ${WORK_DIR}/parse_report_c_static ${SAMPLE} OUTPUT c_static_out)
if(NOT c_static_out STREQUAL c_out)
  message(FATAL_ERROR "the statically linked C host printed something else:\n${c_static_out}")
endif()

# 2. The C++ host with find_package(wenshu CONFIG), against the prefix only.
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/cpp -B ${WORK_DIR}/cpp -G ${GENERATOR}
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
            -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/cpp)
run(COMMAND ${WORK_DIR}/cpp/parse_report_cpp ${SAMPLE} OUTPUT cpp_out)

# 3. Same document, same answers.
string(FIND "${cpp_out}" "--\n" cut)
string(SUBSTRING "${cpp_out}" 0 ${cut} cpp_counts)
if(NOT c_out STREQUAL cpp_counts)
  message(FATAL_ERROR "the C and C++ hosts disagree:\nC:\n${c_out}\nC++:\n${cpp_counts}")
endif()
if(NOT c_out MATCHES "quantities: [1-9]")
  message(FATAL_ERROR "no quantities found in ${SAMPLE}:\n${c_out}")
endif()
# 4. The Python package, installed next to the library, loads the installed library by itself.
file(GLOB_RECURSE py_init ${prefix}/*/python3/dist-packages/wenshu/__init__.py)
if(NOT py_init)
  message(FATAL_ERROR "install is missing the Python package")
endif()
get_filename_component(py_pkg ${py_init} DIRECTORY)
get_filename_component(py_path ${py_pkg} DIRECTORY)
if(PYTHON AND EXISTS ${PYTHON})
  set(ENV{PYTHONPATH} ${py_path})
  unset(ENV{WENSHU_LIBRARY})
  unset(ENV{LD_LIBRARY_PATH})
  file(WRITE ${WORK_DIR}/check_python.py
       "import wenshu\nimport wenshu._native as n\nprint(n.lib._name)\n"
       "print(wenshu.parse_file('${SAMPLE}')['source']['bytes'])\n")
  run(COMMAND ${PYTHON} ${WORK_DIR}/check_python.py OUTPUT py_out)
  if(NOT py_out MATCHES "^${libdir}/libwenshu\\.so\\.0\n[1-9]")
    message(FATAL_ERROR "the installed Python package did not load the installed library:\n${py_out}")
  endif()
endif()
message(STATUS "C host:\n${c_out}C++ host:\n${cpp_out}")
