# One warning policy for every target of the project. Aggregates are filled partly on purpose
# (their members have defaults), so missing field initializers are not worth a warning.
add_library(lab_warnings INTERFACE)
target_compile_options(lab_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
target_compile_options(lab_warnings INTERFACE -Wno-missing-field-initializers)
