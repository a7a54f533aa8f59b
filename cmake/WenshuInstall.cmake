# install(): headers, both libraries, the command, a CMake package
# (find_package(wenshu CONFIG)) and a pkg-config file for the C ABI.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/wenshu DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES capi/wenshu.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS wenshu wenshu_shared EXPORT wenshuTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET wenshu_cli)
  install(TARGETS wenshu_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT wenshuTargets NAMESPACE wenshu::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/wenshu)
configure_package_config_file(cmake/wenshuConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/wenshuConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/wenshu)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/wenshuConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/wenshuConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/wenshuConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/wenshu)
# pkg-config file: paths relative to ${pcfiledir}, so it stays right for any install prefix.
file(RELATIVE_PATH WENSHU_PC_PREFIX_FROM_PCDIR
     "/wenshu_prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/wenshu_prefix")
string(REGEX REPLACE "/$" "" WENSHU_PC_PREFIX_FROM_PCDIR "${WENSHU_PC_PREFIX_FROM_PCDIR}")
file(RELATIVE_PATH WENSHU_PC_LIBDIR "/wenshu_prefix" "/wenshu_prefix/${CMAKE_INSTALL_LIBDIR}")
file(RELATIVE_PATH WENSHU_PC_INCLUDEDIR "/wenshu_prefix" "/wenshu_prefix/${CMAKE_INSTALL_INCLUDEDIR}")
configure_file(cmake/wenshu.pc.in ${CMAKE_CURRENT_BINARY_DIR}/wenshu.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/wenshu.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Python package (ctypes, pure Python) in Debian's layout under the prefix; it finds the library in
# the same libdir: PYTHONPATH=<prefix>/<libdir>/python3/dist-packages python3 -c "import wenshu".
install(DIRECTORY capi/python/wenshu DESTINATION ${CMAKE_INSTALL_LIBDIR}/python3/dist-packages
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
