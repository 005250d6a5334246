# gl_add_test(<name> SOURCES ... [LIBS ...] LABEL unit|gui|integration|package [TIMEOUT s] [WRAPPER cmd...])
#
# One QtTest executable per class or capability. Every test runs with the offscreen platform, a timeout and
# a label, and a throwaway HOME (tests/support/with-home) so that nothing touches the user's files; WRAPPER runs
# the test through another command instead (for example tests/support/with-keyring, which gives the test a
# throwaway HOME too and a private D-Bus session with an unlocked gnome-keyring).
function(gl_add_test name)
    cmake_parse_arguments(T "" "LABEL;TIMEOUT" "SOURCES;LIBS;WRAPPER" ${ARGN})
    if(NOT T_LABEL)
        message(FATAL_ERROR "gl_add_test(${name}): LABEL is required")
    endif()
    if(NOT T_WRAPPER)
        set(T_WRAPPER ${PROJECT_SOURCE_DIR}/tests/support/with-home)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test greenlight_test_support ${T_LIBS})
    add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        LABELS "${T_LABEL}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANGUAGE=;GL_SOURCE_DIR=${PROJECT_SOURCE_DIR};GL_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
