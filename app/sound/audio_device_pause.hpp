// Pausing and resuming the OpenAL playback device that SFML opened (ALC_SOFT_pause_device), so
// that OpenAL's mixer does not run while nothing sounds.
#pragma once

namespace ns {

class AudioDevicePause {
  public:
    // Finds the device of the current OpenAL context; unsupported when there is none or the
    // library lacks the extension. Call once SFML has opened its device.
    AudioDevicePause();

    bool supported() const { return m_device != nullptr; }
    // Stops the device's mixer; sources keep their state. No-op when unsupported.
    void pause();
    // Starts the mixer again. No-op when unsupported.
    void resume();

  private:
    using DeviceFunction = void (*)(void*);
    void* m_device = nullptr;
    DeviceFunction m_pause = nullptr;
    DeviceFunction m_resume = nullptr;
};

} // namespace ns
