# LAB_SANITIZE=ON instruments every target with ASan and UBSan; UBSan findings abort, so a
# sanitizer run that prints a report also fails.
if(LAB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
