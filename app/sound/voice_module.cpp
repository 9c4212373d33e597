// The voice module: Flite and the synthesis, loaded only in the voice's helper process.
#include "phrase_synthesis.hpp"
#include "voice_helper.hpp"

extern "C" {

const char* nightstretch_voice_module_version() {
    return NS_VERSION;
}

int nightstretch_voice_serve(int fd) {
    std::string problem;
    ns::fliteVoiceLoads(&problem);
    return ns::serveVoiceHelper(fd, problem, [](const std::string& text, std::string* why) {
        return ns::synthesizePhrase(text, why);
    });
}
}
