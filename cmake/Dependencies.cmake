# Header-only and prebuilt dependencies, all from Debian packages (tools/setup installs them).
# Natively they are found as usual. Under Emscripten the host's /usr/include must not be on
# the include path (its libc headers would shadow Emscripten's), so each header-only
# library's folder is linked into a private include directory instead.

# Debian's cereal writes JSON with the system's RapidJSON (rapidjson-dev, a dependency of
# libcereal-dev), not a bundled copy.
set(INSPECTONCE_HEADER_ONLY_LIBS nlohmann CLI cereal rapidjson)

if(EMSCRIPTEN)
    set(host_headers ${PROJECT_BINARY_DIR}/host-headers)
    file(MAKE_DIRECTORY ${host_headers})
    foreach(lib ${INSPECTONCE_HEADER_ONLY_LIBS})
        if(NOT EXISTS /usr/include/${lib})
            message(FATAL_ERROR "/usr/include/${lib} is missing: run tools/setup")
        endif()
        file(CREATE_LINK /usr/include/${lib} ${host_headers}/${lib} SYMBOLIC)
    endforeach()
    add_library(inspectonce_host_headers INTERFACE)
    target_include_directories(inspectonce_host_headers SYSTEM INTERFACE ${host_headers})
    add_library(nlohmann_json::nlohmann_json ALIAS inspectonce_host_headers)
    add_library(CLI11::CLI11 ALIAS inspectonce_host_headers)
else()
    find_package(nlohmann_json 3.10 REQUIRED)
    find_package(CLI11 REQUIRED)
endif()
