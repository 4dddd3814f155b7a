"""Write the input/ folder and case.json of every named golden case (tests/golden/cases/<name>/).

Each input file is a handful of REAL rows of a children-looked-after release, copied from the
golden excerpts (tests/fixtures/golden/excerpts/<source id>.json, themselves verbatim rows of the
publisher's files), with the one edit a case states (a marker in place of a figure). The facts
in case.json are worked out by hand from those rows (see each case's "about"); they are checked
by tests/golden/cases.test.ts on every run, independently of the reviewed expected/ folders.

    python3 tests/golden/cases/make_inputs.py      # from the project root; rewrites input/ and case.json
"""
import csv
import io
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
EXCERPTS = os.path.join(HERE, '..', '..', 'fixtures', 'golden', 'excerpts')
CLA = 'Children looked after at 31 March each year'
CLA_2025 = 'Children looked after on 31 March each year'  # the 2025 release's label


def excerpt(source):
    with open(os.path.join(EXCERPTS, f'{source}.json'), encoding='utf-8') as f:
        return json.load(f)


def looked_after_rows(source, years, codes, national_years):
    """The header, England's rows for national_years and the councils' (by code) at/on-31-March rows for years."""
    ex = excerpt(source)
    head, rows = ex['rows'][0], [r for r in ex['rows'][1:] if len(r) == len(ex['rows'][0])]
    col = {name: i for i, name in enumerate(head)}
    measure = col.get('population_count', col.get('population_type'))
    out = []
    for r in rows:
        year = int(r[col['time_period']])
        # England: every measure (the reader requires the national totals); councils: the at/on-31-March rows
        if r[col['geographic_level']] == 'National' and year in national_years:
            out.append(r)
        elif r[measure] in (CLA, CLA_2025) and r[col['geographic_level']] == 'Local authority' and r[col['new_la_code']] in codes and year in years:
            out.append(r)
    # England first, then councils in the order given, each by year (as the publisher sorts them: newest first)
    key = lambda r: (r[col['geographic_level']] != 'National', codes.index(r[col['new_la_code']]) if r[col['new_la_code']] in codes else -1, -int(r[col['time_period']]))
    return head, sorted(out, key=key), ex['bom']


def set_cells(head, rows, code, year, values):
    """Replace the count and rate of one council-year (the case's one edit)."""
    col = {name: i for i, name in enumerate(head)}
    count = col.get('number', col.get('children_count'))
    hit = [r for r in rows if r[col['new_la_code']] == code and r[col['time_period']] == str(year)]
    assert len(hit) == 1, (code, year)
    hit[0][count], hit[0][col['rate_per_10000']] = values
    return rows


def write_case(name, title, about, sources, select, facts):
    d = os.path.join(HERE, name)
    shutil.rmtree(os.path.join(d, 'input'), ignore_errors=True)
    os.makedirs(os.path.join(d, 'input'))
    manifest = {}
    for source, (head, rows, bom) in sources.items():
        buf = io.StringIO()
        csv.writer(buf, lineterminator='\n').writerows([head, *rows])
        with open(os.path.join(d, 'input', f'{source}.csv'), 'w', encoding='utf-8-sig' if bom else 'utf-8', newline='') as f:
            f.write(buf.getvalue())
        manifest[source] = f'{source}.csv'
    with open(os.path.join(d, 'input', 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'sources': manifest}, f, indent=2)
        f.write('\n')
    with open(os.path.join(d, 'case.json'), 'w', encoding='utf-8') as f:
        json.dump({'title': title, 'about': about, 'select': select, 'facts': facts}, f, indent=2, ensure_ascii=False)
        f.write('\n')


LA_FIELDS = ['code', 'name', 'status', 'firstYear', 'lastYear', 'predecessors', 'successors']
CAMDEN = 'E09000007'
PANEL_CLA = ['cla_count', 'cla_rate_per_10k']

# ---------------------------------------------------------------- reorganisations
BCP_FROM, BCP_TO = ['E06000028', 'E06000029', 'E10000009'], ['E06000058', 'E06000059']
write_case(
    'reorg-2020-bournemouth-poole-dorset',
    'Bournemouth, Poole and Dorset County (to 2019) → BCP and Dorset (from 2020)',
    'The 2022 CLA release cut to the five councils in 2019 and 2020: the three old councils report for 2019 and carry "z" '
    'for 2020, the two new ones the other way round. Each council has panel rows only for the years it existed, and las.json '
    'links them. BCP 2020: 506 children in both the 2022 and the 2024 release, rate 67 (2022) revised to 69 (2024: the '
    'population estimate was rebased from 75,568 to 72,905), so the 2024 figure wins and a revision is recorded.',
    {'cla-ees-2022': looked_after_rows('cla-ees-2022', {2019, 2020}, BCP_FROM + BCP_TO, {2018, 2019, 2020, 2021, 2022})},
    {
        'panel': {'codes': BCP_FROM + BCP_TO, 'years': [2018, 2021], 'columns': PANEL_CLA},
        'las': {'codes': BCP_FROM + BCP_TO, 'fields': LA_FIELDS},
        'revisions': {'codes': BCP_FROM + BCP_TO, 'measures': PANEL_CLA, 'years': [2018, 2021]},
    },
    [
        {'panel': {'code': 'E06000028', 'year': 2019, 'column': 'cla_count', 'value': 248}},
        {'panel': {'code': 'E06000029', 'year': 2019, 'column': 'cla_count', 'value': 192}},
        {'panel': {'code': 'E10000009', 'year': 2019, 'column': 'cla_count', 'value': 414}},
        {'noRow': {'code': 'E06000028', 'year': 2020}},
        {'noRow': {'code': 'E10000009', 'year': 2020}},
        {'noRow': {'code': 'E06000058', 'year': 2019}},
        {'noRow': {'code': 'E06000059', 'year': 2019}},
        {'panel': {'code': 'E06000058', 'year': 2020, 'column': 'cla_count', 'value': 506}},
        {'panel': {'code': 'E06000058', 'year': 2020, 'column': 'cla_rate_per_10k', 'value': 69}},
        {'panel': {'code': 'E06000059', 'year': 2020, 'column': 'cla_count', 'value': 476}},
        {'la': {'code': 'E06000028', 'lastYear': 2019, 'successors': BCP_TO}},
        {'la': {'code': 'E10000009', 'name': 'Dorset County Council', 'lastYear': 2019, 'successors': BCP_TO}},
        {'la': {'code': 'E06000058', 'firstYear': 2020, 'lastYear': None, 'predecessors': BCP_FROM}},
        {'revision': {'measure': 'cla_rate_per_10k', 'code': 'E06000058', 'name': 'Bournemouth, Christchurch and Poole', 'year': 2020,
                      'first': {'release': '2022', 'value': 67}, 'latest': {'release': '2024', 'value': 69}}},
        {'noRevision': {'measure': 'cla_count', 'code': 'E06000058', 'year': 2020}},
    ],
)

NN = ['E10000021', 'E06000061', 'E06000062']
write_case(
    'reorg-2022-northamptonshire',
    'Northamptonshire (to 2021) → North and West Northamptonshire (from 2022)',
    'The 2025 CLA release cut to the three councils in 2021 and 2022 (the new councils print "z" for 2021, the county "z" '
    'for 2022; the 2025 release no longer prints the county after 2022). Northamptonshire 2021: 1,144; North Northamptonshire '
    '2022: 525 (first published as 524 in the 2022 release, revised in 2024; the 2025 release agrees with 2024, so one '
    'revision, 2022 → 2024), West 658.',
    {'cla-ees-2025': looked_after_rows('cla-ees-2025', {2021, 2022}, NN, {2021, 2022, 2023, 2024, 2025})},
    {
        'panel': {'codes': NN, 'years': [2020, 2023], 'columns': PANEL_CLA},
        'las': {'codes': NN, 'fields': LA_FIELDS},
        'revisions': {'codes': NN, 'measures': PANEL_CLA, 'years': [2020, 2023]},
    },
    [
        {'panel': {'code': 'E10000021', 'year': 2021, 'column': 'cla_count', 'value': 1144}},
        {'noRow': {'code': 'E10000021', 'year': 2022}},
        {'noRow': {'code': 'E06000061', 'year': 2021}},
        {'panel': {'code': 'E06000061', 'year': 2022, 'column': 'cla_count', 'value': 525}},
        {'panel': {'code': 'E06000062', 'year': 2022, 'column': 'cla_count', 'value': 658}},
        {'la': {'code': 'E10000021', 'lastYear': 2021, 'successors': ['E06000061', 'E06000062']}},
        {'la': {'code': 'E06000062', 'firstYear': 2022, 'predecessors': ['E10000021']}},
        {'revision': {'measure': 'cla_count', 'code': 'E06000061', 'name': 'North Northamptonshire', 'year': 2022,
                      'first': {'release': '2022', 'value': 524}, 'latest': {'release': '2024', 'value': 525}}},
    ],
)

CU = ['E10000006', 'E06000063', 'E06000064']
write_case(
    'reorg-2024-cumbria',
    'Cumbria (to 2023) → Cumberland and Westmorland and Furness (from 2024)',
    'The 2025 CLA release cut to the three councils in 2023 and 2024. Cumbria 2023: 740; Cumberland 2024: 482; Westmorland '
    'and Furness 2024: 246 in the 2024 release, revised to 247 in the 2025 release, which wins.',
    {'cla-ees-2025': looked_after_rows('cla-ees-2025', {2023, 2024}, CU, {2023, 2024, 2025})},
    {
        'panel': {'codes': CU, 'years': [2022, 2025], 'columns': PANEL_CLA},
        'las': {'codes': CU, 'fields': LA_FIELDS},
        'revisions': {'codes': CU, 'measures': PANEL_CLA, 'years': [2022, 2025]},
    },
    [
        {'panel': {'code': 'E10000006', 'year': 2023, 'column': 'cla_count', 'value': 740}},
        {'noRow': {'code': 'E10000006', 'year': 2024}},
        {'noRow': {'code': 'E06000063', 'year': 2023}},
        {'panel': {'code': 'E06000063', 'year': 2024, 'column': 'cla_count', 'value': 482}},
        {'panel': {'code': 'E06000064', 'year': 2024, 'column': 'cla_count', 'value': 247}},
        {'la': {'code': 'E10000006', 'lastYear': 2023, 'successors': ['E06000063', 'E06000064']}},
        {'la': {'code': 'E06000063', 'firstYear': 2024, 'predecessors': ['E10000006']}},
        {'revision': {'measure': 'cla_count', 'code': 'E06000064', 'name': 'Westmorland and Furness', 'year': 2024,
                      'first': {'release': '2024', 'value': 246}, 'latest': {'release': '2025', 'value': 247}}},
    ],
)

# ---------------------------------------------------------------- missing-value markers
# Camden's children looked after on 31 March 2025 (2025 release: 205, rate 58), with the marker in place of both figures.
# Reason names and meanings: contract/missing.ts (the DfE symbols guidance and the older SFR and LAIT conventions).
MARKERS = [
    ('c', 'c', 'suppressed'),
    ('bracketed-c', '[c]', 'suppressed'),
    ('x', 'x', 'not_available'),
    ('z', 'z', 'not_applicable'),
    ('u', 'u', 'low_reliability'),
    ('low', 'low', 'rounds_to_zero'),
    ('dot-dot', '..', 'not_available'),
    ('dash', '-', 'nil_or_not_applicable'),
    ('colon', ':', 'not_available'),
    ('blank', '', 'blank'),
]
for slug, marker, reason in MARKERS:
    head, rows, bom = looked_after_rows('cla-ees-2025', {2025}, [CAMDEN], {2024, 2025})
    shown = f'"{marker}"' if marker else 'an empty cell'
    write_case(
        f'marker-{slug}',
        f'Missing-value marker {shown} → {reason}, never 0',
        f"The 2025 CLA release cut to England and Camden 2025, with {shown} in place of Camden's count (205) and rate (58). "
        f'No other release covers 2025, so the panel holds a gap with the reason "{reason}" (contract/missing.ts), not a number.',
        {'cla-ees-2025': (head, set_cells(head, rows, CAMDEN, 2025, (marker, marker)), bom)},
        {'panel': {'codes': [CAMDEN], 'years': [2024, 2025], 'columns': PANEL_CLA}},
        [
            {'panel': {'code': CAMDEN, 'year': 2025, 'column': 'cla_count', 'value': None, 'missing': reason}},
            # 2024 comes from the 2024 release (214), untouched by the 2025 file's gap
            {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_count', 'value': 214}},
        ],
    )

# ---------------------------------------------------------------- revision rules (Camden, 31 March 2024)
# The 2024 release printed 214 (rate 59, population 36,292); the 2025 release 214 (rate 59, population 36,040).
REV = {'panel': {'codes': [CAMDEN], 'years': [2024, 2024], 'columns': ['cla_count', 'cla_rate_per_10k', 'population_0_17']},
       'revisions': {'codes': [CAMDEN], 'measures': ['cla_count', 'cla_rate_per_10k', 'population_0_17'], 'years': [2024, 2024]}}
write_case(
    'revision-same-value',
    'A later release printing the same figure: no revision recorded',
    'The 2025 CLA release cut to England 2024–2025 and Camden 2024: 214 children, rate 59, the same as the 2024 release, '
    'so neither is a revision. The population estimate the release used did move (36,292 in 2024, 36,040 in 2025): that one '
    'is recorded, and the panel shows 36,040.',
    {'cla-ees-2025': looked_after_rows('cla-ees-2025', {2024}, [CAMDEN], {2024, 2025})},
    REV,
    [
        {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_count', 'value': 214}},
        {'noRevision': {'measure': 'cla_count', 'code': CAMDEN, 'year': 2024}},
        {'noRevision': {'measure': 'cla_rate_per_10k', 'code': CAMDEN, 'year': 2024}},
        {'revision': {'measure': 'population_0_17', 'code': CAMDEN, 'name': 'Camden', 'year': 2024,
                      'first': {'release': '2024', 'value': 36292}, 'latest': {'release': '2025', 'value': 36040}}},
    ],
)

head, rows, bom = looked_after_rows('cla-ees-2025', {2024}, [CAMDEN], {2024, 2025})
write_case(
    'revision-later-release-wins',
    'A later release revising a figure: the latest wins, the first published value is recorded',
    'As revision-same-value, but the 2025 release revises Camden 2024 to 228 children, rate 63 (228 / 36,040 × 10,000 = 63.3); '
    'the 2024 release printed 214 and 59. The panel shows 228 and 63, and revisions.json records 214 → 228 and 59 → 63.',
    {'cla-ees-2025': (head, set_cells(head, rows, CAMDEN, 2024, ('228', '63')), bom)},
    REV,
    [
        {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_count', 'value': 228}},
        {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_rate_per_10k', 'value': 63}},
        {'revision': {'measure': 'cla_count', 'code': CAMDEN, 'name': 'Camden', 'year': 2024,
                      'first': {'release': '2024', 'value': 214}, 'latest': {'release': '2025', 'value': 228}}},
        {'revision': {'measure': 'cla_rate_per_10k', 'code': CAMDEN, 'name': 'Camden', 'year': 2024,
                      'first': {'release': '2024', 'value': 59}, 'latest': {'release': '2025', 'value': 63}}},
    ],
)

head, rows, bom = looked_after_rows('cla-ees-2025', {2024}, [CAMDEN], {2024, 2025})
write_case(
    'revision-later-release-withholds',
    'A later release withholding a figure it printed before: the latest (a gap) still wins',
    'The 2025 release prints "c" for Camden 2024, where the 2024 release printed 214 (rate 59). The newest release is the '
    'publisher\'s current word, so the panel holds a suppressed gap, not the older number, and revisions.json records '
    '214 → null.',
    {'cla-ees-2025': (head, set_cells(head, rows, CAMDEN, 2024, ('c', 'c')), bom)},
    REV,
    [
        {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_count', 'value': None, 'missing': 'suppressed'}},
        {'revision': {'measure': 'cla_count', 'code': CAMDEN, 'name': 'Camden', 'year': 2024,
                      'first': {'release': '2024', 'value': 214}, 'latest': {'release': '2025', 'value': None}}},
    ],
)

head, rows, bom = looked_after_rows('cla-ees-2024', {2024}, [CAMDEN], {2020, 2021, 2022, 2023, 2024})
write_case(
    'revision-later-release-fills-gap',
    'A later release filling a gap an earlier one left: the latest wins, the first published gap is recorded as null',
    'The 2024 release is cut to England 2020–2024 and Camden 2024, with "c" for Camden\'s count and rate; the 2025 release '
    '(unchanged) prints 214 and 59. The panel shows 214, and revisions.json records null → 214.',
    {'cla-ees-2024': (head, set_cells(head, rows, CAMDEN, 2024, ('c', 'c')), bom)},
    REV,
    [
        {'panel': {'code': CAMDEN, 'year': 2024, 'column': 'cla_count', 'value': 214}},
        {'revision': {'measure': 'cla_count', 'code': CAMDEN, 'name': 'Camden', 'year': 2024,
                      'first': {'release': '2024', 'value': None}, 'latest': {'release': '2025', 'value': 214}}},
    ],
)
