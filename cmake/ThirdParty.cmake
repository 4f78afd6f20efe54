# Compiled third-party libraries of the core: SQLite (storage) and BLAKE2b (hashes of
# inspection codes, draws and the audit chain). Natively they are Debian's libraries; under
# Emscripten the same versions are compiled from the Debian sources tools/setup put in
# ${INSPECTONCE_CACHE_DIR}/src. Both are linked through the alias targets below.

if(EMSCRIPTEN)
    set(sqlite_dir ${INSPECTONCE_CACHE_DIR}/src/sqlite)
    set(blake2_dir ${INSPECTONCE_CACHE_DIR}/src/blake2)
    foreach(file ${sqlite_dir}/sqlite3.c ${blake2_dir}/blake2b-ref.c)
        if(NOT EXISTS ${file})
            message(FATAL_ERROR "${file} is missing: run tools/setup")
        endif()
    endforeach()

    add_library(inspectonce_sqlite STATIC ${sqlite_dir}/sqlite3.c)
    target_include_directories(inspectonce_sqlite SYSTEM PUBLIC ${sqlite_dir})
    # Single-threaded, no extensions; the browser keeps the file on IDBFS.
    target_compile_definitions(inspectonce_sqlite PRIVATE
        SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DQS=0
        SQLITE_OMIT_SHARED_CACHE SQLITE_ENABLE_MATH_FUNCTIONS)
    target_compile_options(inspectonce_sqlite PRIVATE -O2 -w)

    # libb2's blake2-impl.h includes the autoconf "config.h"; the portable code needs none of it.
    set(blake2_config ${PROJECT_BINARY_DIR}/blake2-config)
    file(WRITE ${blake2_config}/config.h "/* empty: the reference BLAKE2b needs no configuration */\n")
    add_library(inspectonce_blake2 STATIC ${blake2_dir}/blake2b-ref.c)
    target_include_directories(inspectonce_blake2 SYSTEM PUBLIC ${blake2_dir} PRIVATE ${blake2_config})
    target_compile_definitions(inspectonce_blake2 PRIVATE SUFFIX=)
    target_compile_options(inspectonce_blake2 PRIVATE -O2 -w)

    add_library(inspectonce::sqlite ALIAS inspectonce_sqlite)
    add_library(inspectonce::blake2 ALIAS inspectonce_blake2)
else()
    find_package(SQLite3 REQUIRED)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(LIBB2 REQUIRED IMPORTED_TARGET libb2)
    add_library(inspectonce::sqlite ALIAS SQLite::SQLite3)
    add_library(inspectonce::blake2 ALIAS PkgConfig::LIBB2)
endif()
