#!/usr/bin/env python3
"""End-to-end tests of the compiled catalog image (issue 16): the real binary in tmux at
80x24, on a copy of the shipped catalog with records and a cache of its own.

1. Two programs started at the same moment on a catalog that has no image both come up and
   leave one whole image (no temporary file beside it), which the next start reads: it
   neither parses nor writes again, the file stays the same one.
2. A stale image is never used: a title edited in catalog.toml shows at the next start, and
   the image is written again; a course file added shows its course.
3. A corrupt image (cut in half, or bytes inside overwritten) is not read: the start shows the
   catalog as the TOML files say, and a whole image is written again.

    python3 Tests/e2e/image_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import glob
import os
import re
import shlex
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui_e2e import REPO, Tmux, quit_from_start_screen, run_tests  # noqa: E402

MAGIC = b"CMCATIMG"
SLOW = 30.0  # two debug builds parsing at once on a loaded machine


class Place:
    """A catalog copy (its files dated an hour back, as published files are: files changed in
    the last seconds are not compiled), records and a cache, removed afterwards."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="course-menu-image-")
        self.catalog = os.path.join(self.root, "data")
        shutil.copytree(os.path.join(REPO, "data"), self.catalog)
        self.db = os.path.join(self.root, "records", "records.sqlite")
        os.makedirs(os.path.dirname(self.db))
        self.cache = os.path.join(self.root, "cache")
        self.age()

    def age(self):
        past = time.time() - 3600
        for directory, _, names in os.walk(self.catalog):
            for name in names:
                os.utime(os.path.join(directory, name), (past, past))

    def command(self, binary):
        return (f"clear; XDG_CACHE_HOME={shlex.quote(self.cache)} {shlex.quote(binary)} "
                f"--catalog {shlex.quote(self.catalog)} --db {shlex.quote(self.db)}; echo EXIT=$?")

    def files(self):
        """Every file in the image directory (the cache: its home is writable here)."""
        return sorted(os.listdir(os.path.join(self.cache, "course-menu")))

    def image(self):
        images = glob.glob(os.path.join(self.cache, "course-menu", "*.image"))
        return images[0] if len(images) == 1 else None

    def identity(self):
        """Inode, size and modification time of the one image: a start that writes an image
        renames a new file over it, which changes the inode."""
        status = os.stat(self.image())
        return status.st_ino, status.st_size, status.st_mtime_ns

    def whole(self):
        with open(self.image(), "rb") as file:
            data = file.read()
        return data[:8] == MAGIC and int.from_bytes(data[16:24], "little") == len(data)

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def start(tmux, place, binary):
    tmux.run(place.command(binary))


def started(tmux, label, timeout=SLOW):
    return tmux.wait_for(lambda s: "党员登录" in s and re.search(r"^\s*2\s", s, re.M), label,
                         timeout=timeout)


def quit_and_wait(tmux):
    quit_from_start_screen(tmux)
    tmux.wait_for(lambda s: re.search(r"EXIT=\d+", s), "the exit")


def session(place, binary):
    """One start on `place`, up to the start screen and out again; the start screen."""
    tmux = Tmux(80, 24)
    try:
        start(tmux, place, binary)
        screen = started(tmux, "the start screen")
        quit_and_wait(tmux)
        return screen
    finally:
        tmux.kill()


def test_two_starts_at_once_leave_one_good_image(binary, results):
    place = Place()
    first, second = Tmux(80, 24), Tmux(80, 24)
    try:
        start(first, place, binary)
        start(second, place, binary)
        for tmux, label in ((first, "first"), (second, "second")):
            started(tmux, f"the {label} start screen")
        for tmux in (first, second):
            quit_and_wait(tmux)
        files = place.files()
        results.check("two at once: one image, no temporary file left",
                      len(files) == 1 and files[0].endswith(".image"), str(files))
        results.check("two at once: the image is whole", place.image() and place.whole())
        before = place.identity()
        session(place, binary)
        results.check("two at once: the next start reads that image (not written again)",
                      place.identity() == before, f"{before} -> {place.identity()}")
    finally:
        first.kill()
        second.kill()
        place.remove()


def test_a_stale_image_is_never_used(binary, results):
    place = Place()
    try:
        session(place, binary)
        results.check("stale: the first start writes an image", place.image() is not None,
                      str(place.files()))
        before = place.identity()
        path = os.path.join(place.catalog, "catalog.toml")
        with open(path, encoding="utf-8") as file:
            text = file.read()
        with open(path, "w", encoding="utf-8") as file:
            file.write(text.replace('title = "党员教育培训课程目录"',
                                    'title = "改过的课程目录"', 1))
        place.age()  # even dated back as before, the edit is seen (size, inode, change time)
        screen = session(place, binary)
        results.check("stale: an edited title shows at the next start",
                      "改过的课程目录" in screen, screen)
        results.check("stale: the image is written again", place.identity() != before)
        with open(os.path.join(place.catalog, "courses", "zz-added.toml"), "w",
                  encoding="utf-8") as file:
            file.write('category = "ideals"\n\n[[course]]\nid = "added-course"\n'
                       'title = "新加的课程"\nhours = 1\nkind = "elective"\nform = "selfstudy"\n'
                       'summary = "新加的课程。"\n')
        place.age()
        tmux = Tmux(80, 24)
        try:
            start(tmux, place, binary)
            started(tmux, "the start screen")
            tmux.type("2")
            screen = tmux.wait_for(lambda s: "门课程" in s, "the main menu")
            results.check("stale: a course file added is counted at the next start",
                          "106 门课程" in screen, screen)
        finally:
            tmux.kill()
    finally:
        place.remove()


def test_a_corrupt_image_falls_back_to_the_files(binary, results):
    place = Place()
    try:
        session(place, binary)
        size = os.path.getsize(place.image())
        for label, damage in (("cut in half", lambda data: data[: len(data) // 2]),
                              ("bytes overwritten",
                               lambda data: data[:4096] + b"\xff" * 64 + data[4160:])):
            with open(place.image(), "rb") as file:
                data = file.read()
            with open(place.image(), "wb") as file:
                file.write(damage(data))
            screen = session(place, binary)
            results.check(f"corrupt ({label}): the start screen as usual",
                          "党员教育培训课程目录" in screen, screen)
            results.check(f"corrupt ({label}): a whole image is written again",
                          place.image() is not None and place.whole()
                          and os.path.getsize(place.image()) == size, str(place.files()))
    finally:
        place.remove()


def main():
    return run_tests(__doc__.split("\n")[0],
                     [test_two_starts_at_once_leave_one_good_image,
                      test_a_stale_image_is_never_used,
                      test_a_corrupt_image_falls_back_to_the_files])


if __name__ == "__main__":
    sys.exit(main())
