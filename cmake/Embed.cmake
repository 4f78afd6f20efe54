# Embeds data files (calendars, county parameter files) into C/C++ sources at build time,
# so the core and the plugins carry their data with them natively and in wasm.

# Writes OUTPUT: a C++ source defining `inspectonce::embedded::Files <SYMBOL>` over FILES.
function(inspectonce_embed_files OUTPUT SYMBOL)
    # A ';' list would split into separate command arguments: pass the files joined by '|'.
    list(JOIN ARGN "|" files)
    add_custom_command(
        OUTPUT ${OUTPUT}
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${OUTPUT} -DSYMBOL=${SYMBOL} "-DFILES=${files}"
                -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
        DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
        COMMENT "Embedding ${SYMBOL}" VERBATIM)
endfunction()

# Writes OUTPUT: a C source defining `const char SYMBOL[]` (NUL-terminated) and
# `const unsigned SYMBOL_size` from one FILE, for plugins written in C.
function(inspectonce_embed_c OUTPUT SYMBOL FILE)
    add_custom_command(
        OUTPUT ${OUTPUT}
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${OUTPUT} -DSYMBOL=${SYMBOL} -DFILES=${FILE} -DLANGUAGE=C
                -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
        DEPENDS ${FILE} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
        COMMENT "Embedding ${FILE}" VERBATIM)
endfunction()
