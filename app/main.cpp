// nightstretch: the command line entry point.
#include "cli.hpp"
#include "files.hpp"

int main(int argc, char** argv) {
    ns::makeNewFilesPrivate(); // the diary is health data: nothing we create is others' to read
    return ns::runCli(argc, argv);
}
