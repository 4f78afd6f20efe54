# Embeds data files (calendars, county parameter files) into C/C++ sources at build time,
# so the core and the plugins carry their data with them natively and in wasm.
# Found through this file's own folder, so that a plugin built on its own (plugins/template)
# can include it from a checkout.
set(INSPECTONCE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedScript.cmake)

# Writes OUTPUT: a C++ source defining `inspectonce::embedded::Files <SYMBOL>` over FILES.
function(inspectonce_embed_files OUTPUT SYMBOL)
    # A ';' list would split into separate command arguments: pass the files joined by '|'.
    list(JOIN ARGN "|" files)
    add_custom_command(
        OUTPUT ${OUTPUT}
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${OUTPUT} -DSYMBOL=${SYMBOL} "-DFILES=${files}"
                -P ${INSPECTONCE_EMBED_SCRIPT}
        DEPENDS ${ARGN} ${INSPECTONCE_EMBED_SCRIPT}
        COMMENT "Embedding ${SYMBOL}" VERBATIM)
endfunction()

# Writes OUTPUT: a C source defining `const char SYMBOL[]` (NUL-terminated) and
# `const unsigned SYMBOL_size` from one FILE, for plugins written in C.
function(inspectonce_embed_c OUTPUT SYMBOL FILE)
    add_custom_command(
        OUTPUT ${OUTPUT}
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${OUTPUT} -DSYMBOL=${SYMBOL} -DFILES=${FILE} -DLANGUAGE=C
                -P ${INSPECTONCE_EMBED_SCRIPT}
        DEPENDS ${FILE} ${INSPECTONCE_EMBED_SCRIPT}
        COMMENT "Embedding ${FILE}" VERBATIM)
endfunction()
