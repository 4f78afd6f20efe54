# Compiled third-party libraries of the core: SQLite (storage), BLAKE2b (hashes of
# inspection codes, draws and the audit chain), libqrencode (QR codes of inspection
# codes) and libcsv (CSV import). Natively they are Debian's libraries; under Emscripten
# the same versions are compiled from the Debian sources tools/setup put in
# ${INSPECTONCE_CACHE_DIR}/src. All are linked through the alias targets below.

if(EMSCRIPTEN)
    set(sqlite_dir ${INSPECTONCE_CACHE_DIR}/src/sqlite)
    set(blake2_dir ${INSPECTONCE_CACHE_DIR}/src/blake2)
    set(qrencode_dir ${INSPECTONCE_CACHE_DIR}/src/qrencode)
    set(csv_dir ${INSPECTONCE_CACHE_DIR}/src/libcsv)
    foreach(file ${sqlite_dir}/sqlite3.c ${blake2_dir}/blake2b-ref.c ${qrencode_dir}/qrencode.c ${csv_dir}/libcsv.c)
        if(NOT EXISTS ${file})
            message(FATAL_ERROR "${file} is missing: run tools/setup")
        endif()
    endforeach()

    add_library(inspectonce_sqlite STATIC ${sqlite_dir}/sqlite3.c)
    target_include_directories(inspectonce_sqlite SYSTEM PUBLIC ${sqlite_dir})
    # Single-threaded, no extensions; the browser keeps the file on IndexedDB (web/persistence.js).
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

    # libqrencode's encoder (not its PNG writer or command-line tool), configured as its own
    # CMakeLists does: version from there, no threads (one thread in wasm), no config.h.
    file(STRINGS ${qrencode_dir}/CMakeLists.txt qrencode_project REGEX "^project\\(QRencode VERSION")
    string(REGEX MATCH "([0-9]+)\\.([0-9]+)\\.([0-9]+)" qrencode_version "${qrencode_project}")
    add_library(inspectonce_qrencode STATIC
        ${qrencode_dir}/qrencode.c ${qrencode_dir}/qrinput.c ${qrencode_dir}/bitstream.c ${qrencode_dir}/qrspec.c
        ${qrencode_dir}/rsecc.c ${qrencode_dir}/split.c ${qrencode_dir}/mask.c ${qrencode_dir}/mqrspec.c
        ${qrencode_dir}/mmask.c)
    target_include_directories(inspectonce_qrencode SYSTEM PUBLIC ${qrencode_dir})
    target_compile_definitions(inspectonce_qrencode PRIVATE
        MAJOR_VERSION=${CMAKE_MATCH_1} MINOR_VERSION=${CMAKE_MATCH_2} MICRO_VERSION=${CMAKE_MATCH_3}
        VERSION="${qrencode_version}" STATIC_IN_RELEASE=static HAVE_STRDUP=1)
    target_compile_options(inspectonce_qrencode PRIVATE -O2 -w)

    # libcsv: one C file, no configuration.
    add_library(inspectonce_csv STATIC ${csv_dir}/libcsv.c)
    target_include_directories(inspectonce_csv SYSTEM PUBLIC ${csv_dir})
    target_compile_options(inspectonce_csv PRIVATE -O2 -w)

    add_library(inspectonce::sqlite ALIAS inspectonce_sqlite)
    add_library(inspectonce::blake2 ALIAS inspectonce_blake2)
    add_library(inspectonce::qrencode ALIAS inspectonce_qrencode)
    add_library(inspectonce::csv ALIAS inspectonce_csv)
else()
    find_package(SQLite3 REQUIRED)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(LIBB2 REQUIRED IMPORTED_TARGET libb2)
    pkg_check_modules(LIBQRENCODE REQUIRED IMPORTED_TARGET libqrencode)
    add_library(inspectonce::sqlite ALIAS SQLite::SQLite3)
    add_library(inspectonce::blake2 ALIAS PkgConfig::LIBB2)
    add_library(inspectonce::qrencode ALIAS PkgConfig::LIBQRENCODE)
    # Debian's libcsv-dev ships no pkg-config file.
    find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
    find_library(LIBCSV_LIBRARY csv REQUIRED)
    add_library(inspectonce_csv INTERFACE)
    target_include_directories(inspectonce_csv SYSTEM INTERFACE ${LIBCSV_INCLUDE_DIR})
    target_link_libraries(inspectonce_csv INTERFACE ${LIBCSV_LIBRARY})
    add_library(inspectonce::csv ALIAS inspectonce_csv)
endif()
