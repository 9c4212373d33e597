// The OpenAL calls are looked up at run time in the library SFML is already linked against, so
// the build needs no OpenAL headers (as for the device probe in audio_cues.cpp).
#include "audio_device_pause.hpp"

#include "modules.hpp"

#include <dlfcn.h>

namespace ns {

AudioDevicePause::AudioDevicePause() {
    // RTLD_NOLOAD: only the copy already loaded for SFML; none is loaded just for this.
    void* library = ::dlopen("libopenal.so.1", RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
    if (library == nullptr) return;
    using GetCurrentContext = void* (*)();
    using GetContextsDevice = void* (*)(void*);
    using IsExtensionPresent = char (*)(void*, const char*);
    using GetProcAddress = void* (*)(void*, const char*);
    const auto currentContext =
        symbolAs<GetCurrentContext>(::dlsym(library, "alcGetCurrentContext"));
    const auto contextsDevice =
        symbolAs<GetContextsDevice>(::dlsym(library, "alcGetContextsDevice"));
    const auto extensionPresent =
        symbolAs<IsExtensionPresent>(::dlsym(library, "alcIsExtensionPresent"));
    const auto procAddress = symbolAs<GetProcAddress>(::dlsym(library, "alcGetProcAddress"));
    // The library stays loaded (SFML holds it); this drops only the reference taken above.
    ::dlclose(library);
    if (!currentContext || !contextsDevice || !extensionPresent || !procAddress) return;

    void* context = currentContext();
    void* device = context != nullptr ? contextsDevice(context) : nullptr;
    if (device == nullptr || extensionPresent(device, "ALC_SOFT_pause_device") == 0) return;
    m_pause = symbolAs<DeviceFunction>(procAddress(device, "alcDevicePauseSOFT"));
    m_resume = symbolAs<DeviceFunction>(procAddress(device, "alcDeviceResumeSOFT"));
    if (m_pause && m_resume) m_device = device;
}

void AudioDevicePause::pause() {
    if (m_device) m_pause(m_device);
}

void AudioDevicePause::resume() {
    if (m_device) m_resume(m_device);
}

} // namespace ns
