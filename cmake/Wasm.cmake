# Link options for a wasm MAIN_MODULE that loads county plugins as side modules.
# MAIN_MODULE=2 exports only what plugins/sdk/host_exports.txt lists: that file is the
# contract of what a plugin may import from the host, checked at plugin build and load time.
file(STRINGS ${PROJECT_SOURCE_DIR}/plugins/sdk/host_exports.txt host_export_lines REGEX "^[a-z_]")
set(exported "")
foreach(symbol ${host_export_lines})
    list(APPEND exported "'_${symbol}'")
endforeach()
list(APPEND exported "'_main'")
list(JOIN exported "," exported)
set(INSPECTONCE_WASM_EXPORTS "[${exported}]")

function(inspectonce_wasm_main_module TARGET)
    target_link_options(${TARGET} PRIVATE
        -sMAIN_MODULE=2
        "-sEXPORTED_FUNCTIONS=${INSPECTONCE_WASM_EXPORTS}"
        -sALLOW_MEMORY_GROWTH=1)
endfunction()

# A wasm program run by Node (tests, the CLI): real files, synchronous start-up, and the
# whole 4 GiB address space (a city-scale benchmark needs more than the default 2 GiB).
function(inspectonce_wasm_node_program TARGET)
    inspectonce_wasm_main_module(${TARGET})
    target_link_options(${TARGET} PRIVATE
        -sNODERAWFS=1 -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1 -sENVIRONMENT=node -sMAXIMUM_MEMORY=4GB)
endfunction()
