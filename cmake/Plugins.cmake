# Builds a county policy plugin from C sources plus its parameter file:
#   natively a loadable module  <build>/plugins/<id>.so
#   under Emscripten a side module <build>/plugins/<id>.wasm
# The parameter file is embedded as `inspectonce_policy_json` (see plugins/sdk).
# Also included on its own by plugins/template/CMakeLists.txt, a policy author's standalone
# build: it finds the SDK through this file's folder, not through the including project.
get_filename_component(INSPECTONCE_SDK_DIR ${CMAKE_CURRENT_LIST_DIR}/../plugins/sdk ABSOLUTE)
set(INSPECTONCE_PLUGIN_DIR ${PROJECT_BINARY_DIR}/plugins)
if(EMSCRIPTEN)
    set(INSPECTONCE_PLUGIN_SUFFIX .wasm)
else()
    set(INSPECTONCE_PLUGIN_SUFFIX .so)
endif()

function(inspectonce_add_plugin TARGET)
    cmake_parse_arguments(ARG "" "OUTPUT_NAME;OUTPUT_DIR;POLICY" "SOURCES" ${ARGN})
    if(NOT ARG_OUTPUT_NAME)
        set(ARG_OUTPUT_NAME ${TARGET})
    endif()
    if(NOT ARG_OUTPUT_DIR)
        set(ARG_OUTPUT_DIR ${INSPECTONCE_PLUGIN_DIR})
    endif()
    set(sources ${ARG_SOURCES})
    if(ARG_POLICY)
        set(embedded ${CMAKE_CURRENT_BINARY_DIR}/${TARGET}_policy_json.c)
        inspectonce_embed_c(${embedded} inspectonce_policy_json ${ARG_POLICY})
        list(APPEND sources ${embedded})
    endif()
    if(EMSCRIPTEN)
        add_executable(${TARGET} ${sources})
        target_link_options(${TARGET} PRIVATE -sSIDE_MODULE=1 -O2)
        set_target_properties(${TARGET} PROPERTIES SUFFIX .wasm)
        set_target_properties(${TARGET} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
    else()
        add_library(${TARGET} MODULE ${sources})
        set_target_properties(${TARGET} PROPERTIES PREFIX "" SUFFIX .so
            LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR} C_VISIBILITY_PRESET hidden)
    endif()
    set_target_properties(${TARGET} PROPERTIES OUTPUT_NAME ${ARG_OUTPUT_NAME})
    target_include_directories(${TARGET} PRIVATE ${INSPECTONCE_SDK_DIR})
    # Only the entry point leaves a plugin (see INSPECTONCE_HIDDEN in the SDK header).
    target_compile_options(${TARGET} PRIVATE -fPIC -fvisibility=hidden)
    inspectonce_warnings(${TARGET})
endfunction()
