#!/usr/bin/env python3
"""Puts the imports of Java files in the order the build's Checkstyle rule wants (config/checkstyle.xml):
static imports first, then all others, each group sorted name part by name part, one blank line between the
groups, none inside. Usage: scripts/sort-imports.py [FILE_OR_DIR ...] (default: every src folder of the project).
A file whose import block holds comments is left alone and named, to be ordered by hand."""
import os
import re
import sys

IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;\s*$')


def key(name):
    return name.split('.')


def sort_file(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    first = last = None
    for i, line in enumerate(lines):
        if IMPORT.match(line):
            first = i if first is None else first
            last = i
        elif first is not None and line.strip() and not line.startswith('import '):
            break
    if first is None:
        return False
    block = lines[first:last + 1]
    statics, others = set(), set()
    for line in block:
        if not line.strip():
            continue
        m = IMPORT.match(line)
        if not m:
            print('left alone (comment or odd line among imports):', path)
            return False
        (statics if m.group(1) else others).add(m.group(2))
    ordered = ['import static %s;' % n for n in sorted(statics, key=key)]
    if statics and others:
        ordered.append('')
    ordered += ['import %s;' % n for n in sorted(others, key=key)]
    if ordered == block:
        return False
    lines[first:last + 1] = ordered
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    return True


def java_files(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for directory, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in ('target', '.git', 'node_modules')]
            if os.sep + 'src' + os.sep not in directory + os.sep:
                continue
            for name in files:
                if name.endswith('.java'):
                    yield os.path.join(directory, name)


if __name__ == '__main__':
    roots = sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')]
    changed = sum(1 for path in java_files(roots) if sort_file(path))
    print('%d files reordered' % changed)
