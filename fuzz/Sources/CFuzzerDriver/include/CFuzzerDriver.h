#ifndef COURSE_MENU_FUZZER_DRIVER_H
#define COURSE_MENU_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (linked by -sanitize=fuzzer): runs the campaign the command line asks
   for, calling `callback` with each input. Our own main calls it, so the executable needs no
   -parse-as-library (which SwiftPM's executable linking does not allow). */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
