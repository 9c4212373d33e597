# What `cmake --install` puts where (GNUInstallDirs), the generated icon and man page, and the
# Debian package (CPack). Included from the top CMakeLists.txt after the targets are defined.

# The AppStream id, also the desktop entry's file name.
set(NS_APP_ID io.github.nightstretch.Nightstretch)

install(TARGETS nightstretch RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Beside bin/ as lib/nightstretch, not LIBDIR: the binary finds it at bin/../lib/nightstretch.
install(TARGETS nightstretch_window nightstretch_notify nightstretch_voice
        LIBRARY DESTINATION lib/nightstretch)
install(DIRECTORY routines/ DESTINATION ${NS_RELATIVE_SHARE_DIR}/routines)
install(DIRECTORY assets/poses/ DESTINATION ${NS_RELATIVE_SHARE_DIR}/assets/poses)
# `about --text` names it: where each health sentence comes from.
install(FILES docs/sources.md DESTINATION ${NS_RELATIVE_SHARE_DIR})

install(FILES assets/${NS_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES assets/nightstretch.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# The metainfo names this version and where the screenshots (docs/screenshots/, made by
# scripts/screenshots) are published.
set(NS_SCREENSHOT_URL "https://raw.githubusercontent.com/nightstretch/nightstretch/main/docs/screenshots"
    CACHE STRING "Where docs/screenshots/ is published, for the AppStream metainfo")
configure_file(assets/${NS_APP_ID}.metainfo.xml.in
               ${CMAKE_BINARY_DIR}/${NS_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/${NS_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The 256 px icon, rendered from the SVG (librsvg2-bin).
find_program(NS_RSVG_CONVERT rsvg-convert)
if(NS_RSVG_CONVERT)
  set(NS_ICON_PNG ${CMAKE_BINARY_DIR}/icons/nightstretch.png)
  add_custom_command(OUTPUT ${NS_ICON_PNG}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons
    COMMAND ${NS_RSVG_CONVERT} -w 256 -h 256 -o ${NS_ICON_PNG}
            ${CMAKE_SOURCE_DIR}/assets/nightstretch.svg
    DEPENDS ${CMAKE_SOURCE_DIR}/assets/nightstretch.svg
    COMMENT "Rendering the 256 px icon")
  add_custom_target(ns_icon_png ALL DEPENDS ${NS_ICON_PNG})
  install(FILES ${NS_ICON_PNG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
else()
  message(WARNING "rsvg-convert (librsvg2-bin) not found: no 256 px icon is installed")
endif()

# The man page, from the command line's own --help and each command's (help2man and
# cmake/make-manpage.sh), with the sections --help lacks; gzipped as Debian's are.
find_program(NS_HELP2MAN help2man)
if(NS_HELP2MAN)
  set(NS_MAN_PAGE ${CMAKE_BINARY_DIR}/man/nightstretch.1)
  add_custom_command(OUTPUT ${NS_MAN_PAGE} ${NS_MAN_PAGE}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND bash ${CMAKE_SOURCE_DIR}/cmake/make-manpage.sh $<TARGET_FILE:nightstretch>
            ${CMAKE_SOURCE_DIR}/docs/nightstretch.h2m ${NS_MAN_PAGE}
    DEPENDS nightstretch ${CMAKE_SOURCE_DIR}/docs/nightstretch.h2m
            ${CMAKE_SOURCE_DIR}/cmake/make-manpage.sh
    COMMENT "Generating the man page from nightstretch --help")
  add_custom_target(ns_man_page ALL DEPENDS ${NS_MAN_PAGE})
  install(FILES ${NS_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page is installed")
endif()

# The Debian package: nightstretch_VERSION_amd64.deb, its dependencies computed by dpkg-shlibdeps
# from every binary in it (the window module too), plus the font it draws with.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nightstretch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "bedtime stretching coach against night leg cramps")
set(CPACK_PACKAGE_DESCRIPTION
    "Nightstretch guides a calm 5 to 10 minute stretching routine before sleep, with a large\n\
countdown, short prompts, soft chimes and a spoken voice, in a warm, dark window or in the\n\
terminal. It keeps a history of the nights the routine was done and a diary of night cramps,\n\
and can remind you at bedtime.")
set(CPACK_PACKAGE_CONTACT "Nightstretch maintainers <nightstretch@localhost>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "notification-daemon | dunst")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
