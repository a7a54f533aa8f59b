# Warnings for wenshu's own targets. CI configures with WENSHU_WERROR=ON.
function(wenshu_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX,C>:-Wall -Wextra>
    $<$<AND:$<COMPILE_LANGUAGE:CXX>,$<BOOL:${WENSHU_WERROR}>>:-Werror>
    $<$<AND:$<COMPILE_LANGUAGE:C>,$<BOOL:${WENSHU_WERROR}>>:-Werror>)
endfunction()

# Sanitizers, set by the asan and tsan presets (WENSHU_SANITIZE=address;undefined).
set(WENSHU_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address;undefined or thread")
if(WENSHU_SANITIZE)
  list(JOIN WENSHU_SANITIZE "," _wenshu_san)
  add_compile_options(-fsanitize=${_wenshu_san} -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_wenshu_san})
endif()
