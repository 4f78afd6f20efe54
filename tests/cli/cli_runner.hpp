// Runs the real `inspectonce` binary (INSPECTONCE_CLI) as a user would, capturing its exit
// status, standard output and standard error. Shared by the CLI suites.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace inspectonce::test {

struct Run {
    int exit = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the CLI with `args` (shell words), after an optional environment prefix ("A=b").
inline Run run(const std::string& args, const std::string& env = "") {
    namespace fs = std::filesystem;
    fs::path errFile = fs::temp_directory_path() / ("inspectonce-cli-err-" + std::to_string(::getpid()));
    std::string command = env + " " INSPECTONCE_CLI " " + args + " 2>" + errFile.string();
    Run result;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = slurp(errFile);
    fs::remove(errFile);
    return result;
}

inline int countLines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace inspectonce::test
