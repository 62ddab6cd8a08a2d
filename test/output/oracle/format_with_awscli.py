"""Formats cases with the AWS CLI v2's own formatters, for differential tests.

Reads a JSON list of cases on stdin: {"data", "format", "title", "width", "color", "query"}.
Writes a JSON list of {"stdout": str} or {"error": str} in the same order.
Each case runs the way `aws ... --output <format>` does with stdout not being a pager: the
formatter writes to sys.stdout (so --color on goes through colorama's autoreset wrapper).
"""
import io
import json
import sys
import types

import colorama
import jmespath
from awscli import formatter, table


def run_case(case):
    fmt = case['format']
    query = case.get('query')
    args = types.SimpleNamespace(
        query=jmespath.compile(query) if query is not None else None,
        color='on' if case.get('color') else 'off',
    )
    width = case.get('width', 80)
    table.determine_terminal_width = lambda default_width=80: width
    captured = io.StringIO()
    real_stdout = sys.stdout
    sys.stdout = captured
    try:
        fmt_obj = formatter.get_formatter(fmt, args)
        fmt_obj(case.get('title', 'Operation'), case['data'])
        return {'stdout': captured.getvalue()}
    except Exception as error:  # the CLI prints str(error) for these
        return {'error': str(error), 'partial': captured.getvalue()}
    finally:
        colorama.deinit()
        sys.stdout = real_stdout


def main():
    cases = json.loads(sys.stdin.read())
    results = [run_case(case) for case in cases]
    sys.stdout.write(json.dumps(results, ensure_ascii=True))


if __name__ == '__main__':
    main()
