#!/usr/bin/env python3
"""Attributes a release wasm's code bytes to Rust module paths, using the
name section that the build keeps (strip = "debuginfo"). Usage:
  scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/kiosque.wasm [prefix ...]
Numbers are before wasm-opt and before compression: use them to compare
modules, not as bundle sizes."""
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def main(path, prefixes):
    b = open(path, "rb").read()
    i, imports, bodies, names = 8, 0, [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 2:  # imports: count function imports
            n, j = leb(b, i)
            for _ in range(n):
                for _ in range(2):
                    ln, j = leb(b, j)
                    j += ln
                kind = b[j]
                j += 1
                if kind == 0:
                    imports += 1
                    _, j = leb(b, j)
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
                else:
                    j += 1
        elif sid == 10:
            n, j = leb(b, i)
            for _ in range(n):
                sz, j = leb(b, j)
                bodies.append(sz)
                j += sz
        elif sid == 0:
            ln, j = leb(b, i)
            if b[j:j + ln] == b"name":
                j += ln
                while j < end:
                    sub = b[j]
                    ssz, j = leb(b, j + 1)
                    if sub == 1:
                        n, k = leb(b, j)
                        for _ in range(n):
                            idx, k = leb(b, k)
                            ln2, k = leb(b, k)
                            names[idx] = b[k:k + ln2].decode("utf-8", "replace")
                            k += ln2
                    j += ssz
        i = end
    total = sum(bodies)
    by = Counter()
    for n, sz in enumerate(bodies):
        name = names.get(imports + n, "?")
        name = re.sub(r"^_?<", "", name)
        by_key = None
        for p in prefixes:
            mangled = "".join(f"{len(seg)}{seg}" for seg in p.split("::"))
            if p in name or mangled in name:
                by_key = p
                break
        by[by_key or "(other)"] += sz
    print(f"code bytes: {total}")
    for k, v in by.most_common():
        print(f"  {k:40} {v:9} ({100 * v / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["kiosque::body", "kiosque::i18n", "kiosque::source::wordpress", "serde_json", "serde_path_to_error", "leptos_router", "tachys", "reactive_graph"])
