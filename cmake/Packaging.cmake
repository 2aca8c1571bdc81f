# `cpack -G DEB` in a build directory makes lifecycle-lab_<version>_<arch>.deb: what
# `cmake --install` puts in place, under /usr, with the dependencies named by Debian's own
# dpkg-shlibdeps (from the libraries the executable links) and the packages the real backend
# runs without linking them. scripts/check-package.sh builds it, lints it, installs it and
# removes it again.
include(GNUInstallDirs)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lifecycle-lab)
set(CPACK_PACKAGE_VENDOR "Container Lifecycle Lab")
set(CPACK_PACKAGE_CONTACT "Container Lifecycle Lab maintainers <maintainers@lifecycle-lab.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps names the libraries the executable links (libgif7 for animated GIFs; libavcodec59,
# libavformat59, libavutil57 and libswscale6 for WebM and MP4, whose VP8 and H.264 encoders come
# with Debian's libavcodec59). busybox-static is the image every lab container runs on the real
# backend; qt6-qpa-plugins holds the platform plugins (xcb, wayland) the window opens on;
# fonts-noto-cjk draws the Chinese lessons and menus.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "busybox-static, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "teaches how a Docker container lives, animated")
# CPack writes this under the summary in dpkg's layout (lines indented, blank lines as " .").
set(CPACK_PACKAGE_DESCRIPTION
    "Container Lifecycle Lab draws Docker's seven container states and the docker
run flow as animated graphs, driven by a state machine, on a simulated Docker
engine that answers docker commands as Docker Engine 20.10 does, or on a real
backend where containers are Linux processes in namespaces and cgroups.

It comes with lessons in English and Simplified Chinese, a console, and a
presenter mode for the lecture hall.")

# What Debian's policy asks of every package: the copyright, a changelog, the manual page,
# gzipped with -9n (no timestamp, so the package is reproducible).
set(package_doc ${CMAKE_CURRENT_BINARY_DIR}/package-doc)
set(gzipped_changelog ${package_doc}/changelog.gz)
set(gzipped_manual ${package_doc}/lifecycle-lab.1.gz)
add_custom_command(
  OUTPUT ${gzipped_changelog} ${gzipped_manual}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${package_doc}
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/docs/package/changelog > ${gzipped_changelog}
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/docs/package/lifecycle-lab.1 > ${gzipped_manual}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/package/changelog ${PROJECT_SOURCE_DIR}/docs/package/lifecycle-lab.1
  COMMENT "Compressing the changelog and the manual page")
add_custom_target(package_documents ALL DEPENDS ${gzipped_changelog} ${gzipped_manual})
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/lifecycle-lab)
install(FILES ${gzipped_changelog} DESTINATION ${doc_dir})
install(FILES docs/package/copyright DESTINATION ${doc_dir})
install(FILES ${gzipped_manual} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

include(CPack)
