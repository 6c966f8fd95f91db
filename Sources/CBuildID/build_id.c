// The program's build id, for keying compiled catalogs to the binary that wrote them
// (Sources/Catalog/Image/ProgramIdentity.swift). dl_iterate_phdr is not visible from Swift.
#define _GNU_SOURCE
#include "CBuildID.h"

#include <elf.h>
#include <link.h>
#include <string.h>

struct request {
  unsigned char *buffer;
  size_t capacity;
  size_t length;
};

static size_t aligned(size_t value) { return (value + 3) & ~(size_t)3; }

static int look_at_program(struct dl_phdr_info *info, size_t size, void *context) {
  (void)size;
  struct request *request = context;
  for (int index = 0; index < info->dlpi_phnum; index++) {
    const ElfW(Phdr) *header = &info->dlpi_phdr[index];
    if (header->p_type != PT_NOTE) continue;
    const unsigned char *notes = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
    size_t offset = 0;
    while (offset + sizeof(ElfW(Nhdr)) <= header->p_memsz) {
      const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)(notes + offset);
      size_t name = offset + sizeof(ElfW(Nhdr));
      size_t description = name + aligned(note->n_namesz);
      if (description + note->n_descsz > header->p_memsz) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4
          && memcmp(notes + name, "GNU", 4) == 0) {
        if (note->n_descsz <= request->capacity) {
          memcpy(request->buffer, notes + description, note->n_descsz);
          request->length = note->n_descsz;
        }
        return 1;
      }
      offset = description + aligned(note->n_descsz);
    }
  }
  return 1;  // the first object is the program itself: never look further
}

size_t course_menu_build_id(unsigned char *buffer, size_t capacity) {
  struct request request = {buffer, capacity, 0};
  dl_iterate_phdr(look_at_program, &request);
  return request.length;
}
