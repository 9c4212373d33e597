// nightstretch: the command line entry point.
#include "cli.hpp"

int main(int argc, char** argv) {
    return ns::runCli(argc, argv);
}
