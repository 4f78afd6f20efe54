# The project's warning set; every first-party target calls this. Third-party code
# (ImGui, SDL2, SQLite, GoogleTest) is compiled without it.
function(inspectonce_warnings TARGET)
    target_compile_options(${TARGET} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wcast-qual -Wformat=2 -Wundef
        $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual>
        $<$<BOOL:${INSPECTONCE_WERROR}>:-Werror>)
endfunction()
