import { describe, expect, it } from 'vitest'
import type { CalendarEntry } from '../../electron/domain/calendar'
import { parseCalendarFile, type ParsedCalendar } from '../../electron/files/calendarFile'

const utf8 = (text: string) => new TextEncoder().encode(text)
const parse = (fileName: string, text: string) => parseCalendarFile(fileName, utf8(text))

/** Bytes from ASCII text and raw byte values, in order. */
function concatBytes(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)))
}

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n')
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']

const entry = (date: string, kind: CalendarEntry['kind'], nameZh: string, nameEn: string): CalendarEntry => ({
  date,
  kind,
  nameZh,
  nameEn,
})
const datesOf = (parsed: ParsedCalendar) => parsed.entries.map((item) => item.date)
const kindsOf = (parsed: ParsedCalendar) => parsed.entries.map((item) => `${item.date} ${item.kind}`)
const reasonsOf = (parsed: ParsedCalendar) => parsed.problems.map((problem) => [problem.line, problem.reason])

/** Events copied from chinese-days 1.5.7, dist/years/2026.ics (CRLF line endings, folded lines). */
const CHINESE_DAYS_2026 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//yaavi.me//Chinese Days//CN',
  'NAME:中国节假日',
  'X-WR-CALNAME:中国节假日',
  'X-WR-CALDESC:2026年中国节假日日历',
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
  'TIMEZONE-ID:Asia/Shanghai',
  'X-WR-TIMEZONE:Asia/Shanghai',
  'BEGIN:VEVENT',
  'UID:6fd93e14-122c-44ae-8045-1f41ee92216e',
  'SEQUENCE:0',
  'DTSTAMP:20260305T110113',
  'DTSTART;VALUE=DATE:20260101',
  'DTEND;VALUE=DATE:20260104',
  'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
  'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
  'SUMMARY:元旦(休)',
  'TRANSP:TRANSPARENT',
  'LOCATION:北京',
  'DESCRIPTION:休',
  'CATEGORIES:节假日',
  'STATUS:CONFIRMED',
  'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
  'X-APPLE-UNIVERSAL-ID:c847e7d3b165ba31a85331b277b4b32fa3d6e4477f511f906ba15',
  ' c93bf61d225',
  'CLASS:PUBLIC',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:212c45bd-1928-4386-913f-470d8da28ab0',
  'SEQUENCE:0',
  'DTSTAMP:20260305T110113',
  'DTSTART;VALUE=DATE:20260104',
  'DTEND;VALUE=DATE:20260105',
  'SUMMARY:元旦(班)',
  'TRANSP:TRANSPARENT',
  'LOCATION:北京',
  'DESCRIPTION:班',
  'CATEGORIES:节假日',
  'STATUS:CONFIRMED',
  'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
  'X-APPLE-UNIVERSAL-ID:ebbb2396a71674baf1ad04848dad55701732b91ace6040e6b871a',
  ' 4656afd6710',
  'CLASS:PUBLIC',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260214',
  'DTEND;VALUE=DATE:20260215',
  'SUMMARY:春节(班)',
  'DESCRIPTION:班',
  'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260215',
  'DTEND;VALUE=DATE:20260224',
  'SUMMARY:春节(休)',
  'DESCRIPTION:休',
  'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

/** The same kind of events from chinese-days 1.5.7, dist/years/2026.en.ics. */
const CHINESE_DAYS_2026_EN = ics(
  ...vevent(
    'DTSTART;VALUE=DATE:20261001',
    'DTEND;VALUE=DATE:20261008',
    'SUMMARY:National Day(Holiday)',
    'LOCATION:Beijing',
    'DESCRIPTION:Holiday',
  ),
  ...vevent(
    'DTSTART;VALUE=DATE:20260925',
    'DTEND;VALUE=DATE:20260928',
    'SUMMARY:Mid-autumn Festival(Holiday)',
    'DESCRIPTION:Holiday',
  ),
  ...vevent(
    'DTSTART;VALUE=DATE:20261010',
    'DTEND;VALUE=DATE:20261011',
    'SUMMARY:National Day(Workday)',
    'DESCRIPTION:Workday',
  ),
)

/** A one-off holiday in chinese-days' 2015.ics, its summary without a kind marker (the description has it). */
const VICTORY_DAY = '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日'

describe('parseCalendarFile: iCalendar', () => {
  it('reads the chinese-days feed: a multi-day event is one entry a day, a 班 event is a working day', () => {
    const parsed = parse('2026.ics', CHINESE_DAYS_2026)
    expect(parsed.problems).toEqual([])
    expect(parsed.years).toEqual([2026])
    expect(parsed.entries.slice(0, 5)).toEqual([
      entry('2026-01-01', 'rest', '元旦', "New Year's Day"),
      entry('2026-01-02', 'rest', '元旦', "New Year's Day"),
      entry('2026-01-03', 'rest', '元旦', "New Year's Day"),
      entry('2026-01-04', 'work', '元旦', "New Year's Day"),
      entry('2026-02-14', 'work', '春节', 'Spring Festival'),
    ])
    // DTEND 20260224 is exclusive: the Spring Festival days off are 15–23 February.
    expect(datesOf(parsed).slice(5)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ])
    expect(new Set(parsed.entries.slice(5).map((item) => item.kind))).toEqual(new Set(['rest']))
  })

  it('ignores the DTSTART of the time zone definition', () => {
    expect(datesOf(parse('2026.ics', CHINESE_DAYS_2026))).not.toContain('1970-01-01')
  })

  it('reads the English feed and finds the Chinese names', () => {
    const parsed = parse('2026.en.ics', CHINESE_DAYS_2026_EN)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries.map((item) => [item.date, item.kind, item.nameZh, item.nameEn])).toEqual([
      ['2026-09-25', 'rest', '中秋节', 'Mid-autumn Festival'],
      ['2026-09-26', 'rest', '中秋节', 'Mid-autumn Festival'],
      ['2026-09-27', 'rest', '中秋节', 'Mid-autumn Festival'],
      ...['01', '02', '03', '04', '05', '06', '07'].map((day) => [
        `2026-10-${day}`,
        'rest',
        '国庆节',
        'National Day',
      ]),
      ['2026-10-10', 'work', '国庆节', 'National Day'],
    ])
  })

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line endings', (_, newline) => {
    const text = CHINESE_DAYS_2026.replace(/\r\n/g, newline)
    expect(parse('2026.ics', text).entries).toEqual(parse('2026.ics', CHINESE_DAYS_2026).entries)
  })

  it('unfolds folded lines (a leading space or tab continues the line before)', () => {
    const text = ics(
      ...vevent('DTSTART;VALUE=DATE:20261001', 'SUMMARY:国庆节、中', ' 秋节', '\t(休)', 'DESCRIPTION:休'),
    )
    expect(parse('a.ics', text).entries).toEqual([
      entry('2026-10-01', 'rest', '国庆节、中秋节', 'National Day, Mid-autumn Festival'),
    ])
  })

  it('unfolds a folded property name and value', () => {
    const text = ics(...vevent('DTST', ' ART;VALUE=DATE:2026', ' 1001', 'SUMMARY:国庆节(休)'))
    expect(datesOf(parse('a.ics', text))).toEqual(['2026-10-01'])
  })

  it.each([
    ['National Day\\, Mid-autumn Festival(Holiday)', '国庆节、中秋节', 'National Day, Mid-autumn Festival'],
    ['国庆节\\,中秋节(休)', '国庆节,中秋节', 'National Day, Mid-autumn Festival'],
    ['A\\; B\\\\C', 'A; B\\C', 'A; B\\C'],
    ['Line\\none', 'Line one', 'Line one'],
  ])('unescapes the summary %j', (summary, nameZh, nameEn) => {
    const parsed = parse('a.ics', ics(...vevent('DTSTART;VALUE=DATE:20261001', `SUMMARY:${summary}`)))
    expect(parsed.entries).toEqual([entry('2026-10-01', 'rest', nameZh, nameEn)])
  })

  it.each([
    ['元旦(休)', '休', '', 'rest', '元旦', "New Year's Day"],
    ['春节(班)', '班', '', 'work', '春节', 'Spring Festival'],
    ['春节（休）', '', '', 'rest', '春节', 'Spring Festival'],
    ['春节【班】', '', '', 'work', '春节', 'Spring Festival'],
    ['国庆节 休', '', '', 'rest', '国庆节', 'National Day'],
    ['劳动节补班', '', '', 'work', '劳动节', 'Labour Day'],
    ['劳动节 上班', '', '', 'work', '劳动节', 'Labour Day'],
    ['国庆节调休上班', '', '', 'work', '国庆节', 'National Day'],
    ['清明节', '', '', 'rest', '清明节', 'Tomb-sweeping Day'],
    ['清明(休)', '休', '', 'rest', '清明', 'Tomb-sweeping Day'],
    ['端午', '放假', '', 'rest', '端午', 'Dragon Boat Festival'],
    ['中秋', '', '', 'rest', '中秋', 'Mid-autumn Festival'],
    ['National Day - work', '', '', 'work', '国庆节', 'National Day'],
    ['National Day - WORK', '', '', 'work', '国庆节', 'National Day'],
    ['Spring Festival(Workday)', 'Workday', '', 'work', '春节', 'Spring Festival'],
    ['Labour Day (Holiday)', 'Holiday', '', 'rest', '劳动节', 'Labour Day'],
    ['Dragon Boat Festival', 'Day off', '', 'rest', '端午节', 'Dragon Boat Festival'],
    ['Tomb-sweeping Day', 'Working day', '', 'work', '清明节', 'Tomb-sweeping Day'],
    ['New Year’s Day', '', '', 'rest', '元旦', 'New Year’s Day'],
    ['Company day', '', 'ALTERNATE-WORKDAY', 'work', 'Company day', 'Company day'],
    ['Company day', '', 'WORK-HOLIDAY', 'rest', 'Company day', 'Company day'],
    [VICTORY_DAY, '班', '', 'work', VICTORY_DAY, VICTORY_DAY],
  ] as const)(
    'summary %j, description %j, Apple %j → %s, %s / %s',
    (summary, description, apple, kind, nameZh, nameEn) => {
      const lines = ['DTSTART;VALUE=DATE:20261001', `SUMMARY:${summary}`]
      if (description) lines.push(`DESCRIPTION:${description}`)
      if (apple) lines.push(`X-APPLE-SPECIAL-DAY:${apple}`)
      expect(parse('a.ics', ics(...vevent(...lines))).entries).toEqual([
        entry('2026-10-01', kind, nameZh, nameEn),
      ])
    },
  )

  it.each([
    [
      'all-day with an exclusive end',
      ['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261004'],
      ['2026-10-01', '2026-10-02', '2026-10-03'],
    ],
    ['a plain date and no end: one day', ['DTSTART:20261001'], ['2026-10-01']],
    ['an end the same as the start: one day', ['DTSTART:20261001', 'DTEND:20261001'], ['2026-10-01']],
    [
      'midnight to midnight',
      ['DTSTART:20261001T000000', 'DTEND:20261003T000000'],
      ['2026-10-01', '2026-10-02'],
    ],
    [
      'within one day, with a time zone',
      ['DTSTART;TZID=Asia/Shanghai:20261001T090000', 'DTEND;TZID=Asia/Shanghai:20261001T180000'],
      ['2026-10-01'],
    ],
    [
      'to the end of the last day (UTC)',
      ['DTSTART:20261001T000000Z', 'DTEND:20261002T235959Z'],
      ['2026-10-01', '2026-10-02'],
    ],
    [
      'a duration in days',
      ['DTSTART;VALUE=DATE:20261001', 'DURATION:P3D'],
      ['2026-10-01', '2026-10-02', '2026-10-03'],
    ],
    [
      'a duration in weeks',
      ['DTSTART;VALUE=DATE:20261001', 'DURATION:P1W'],
      ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    ],
    [
      'across a month end',
      ['DTSTART;VALUE=DATE:20260130', 'DTEND;VALUE=DATE:20260202'],
      ['2026-01-30', '2026-01-31', '2026-02-01'],
    ],
    [
      'across a leap day',
      ['DTSTART;VALUE=DATE:20280228', 'DTEND;VALUE=DATE:20280302'],
      ['2028-02-28', '2028-02-29', '2028-03-01'],
    ],
  ])('dates: %s', (_, lines, dates) => {
    const parsed = parse('a.ics', ics(...vevent(...lines, 'SUMMARY:国庆节(休)')))
    expect(parsed.problems).toEqual([])
    expect(datesOf(parsed)).toEqual(dates)
  })

  it('gives the years an event crosses', () => {
    const text = ics(
      ...vevent('DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270102', 'SUMMARY:元旦(休)'),
    )
    const parsed = parse('a.ics', text)
    expect(datesOf(parsed)).toEqual(['2026-12-31', '2027-01-01'])
    expect(parsed.years).toEqual([2026, 2027])
  })

  it.each([
    ['not a real day', ['DTSTART;VALUE=DATE:20260230'], 4, 'DTSTART;VALUE=DATE:20260230'],
    ['not a date', ['DTSTART:tomorrow'], 4, 'DTSTART:tomorrow'],
    [
      'a bad end',
      ['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261332'],
      4,
      'DTSTART;VALUE=DATE:20261001',
    ],
    [
      'an end before the start',
      ['DTSTART;VALUE=DATE:20261005', 'DTEND;VALUE=DATE:20261001'],
      4,
      'DTSTART;VALUE=DATE:20261005',
    ],
    [
      'longer than a year',
      ['DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20280101'],
      4,
      'DTSTART;VALUE=DATE:20260101',
    ],
    ['no DTSTART: the BEGIN:VEVENT line', ['SUMMARY:国庆节'], 3, 'BEGIN:VEVENT'],
  ])('bad_date for %s, and the next event is still read', (_, lines, line, text) => {
    const good = vevent('DTSTART;VALUE=DATE:20261008', 'SUMMARY:国庆节(休)')
    const parsed = parse('a.ics', ics(...vevent(...lines), ...good))
    expect(parsed.problems).toEqual([{ line, reason: 'bad_date', text }])
    expect(datesOf(parsed)).toEqual(['2026-10-08'])
  })

  it('reports a day given as a day off and as a working day, keeping the first', () => {
    const text = ics(
      ...vevent('DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261004', 'SUMMARY:国庆节(休)'),
      ...vevent('DTSTART;VALUE=DATE:20261003', 'SUMMARY:国庆节(班)'),
    )
    const parsed = parse('a.ics', text)
    expect(parsed.problems).toEqual([{ line: 9, reason: 'conflict', text: '2026-10-03 国庆节(班)' }])
    expect(kindsOf(parsed)).toEqual(['2026-10-01 rest', '2026-10-02 rest', '2026-10-03 rest'])
  })

  it('keeps one entry, silently, for a day given twice with the same kind', () => {
    const text = ics(
      ...vevent('DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261003', 'SUMMARY:国庆节(休)'),
      ...vevent('DTSTART;VALUE=DATE:20261002', 'DTEND;VALUE=DATE:20261004', 'SUMMARY:中秋节(休)'),
    )
    const parsed = parse('a.ics', text)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries.map((item) => `${item.date} ${item.nameZh}`)).toEqual([
      '2026-10-01 国庆节',
      '2026-10-02 国庆节',
      '2026-10-03 中秋节',
    ])
  })

  it('reads only the event’s own properties, not those of an alarm inside it', () => {
    const text = ics(
      ...vevent(
        'DTSTART;VALUE=DATE:20261001',
        'SUMMARY:国庆节',
        'BEGIN:VALARM',
        'DESCRIPTION:明天上班',
        'TRIGGER:-PT15M',
        'END:VALARM',
        'DESCRIPTION:休',
      ),
    )
    expect(kindsOf(parse('a.ics', text))).toEqual(['2026-10-01 rest'])
  })

  it('skips a cancelled event', () => {
    const text = ics(...vevent('DTSTART;VALUE=DATE:20261001', 'SUMMARY:国庆节(休)', 'STATUS:CANCELLED'))
    expect(reasonsOf(parse('a.ics', text))).toEqual([[0, 'no_events']])
  })

  it.each([
    ['a text file', 'holidays.ics', 'These are the holidays\n2026-10-01'],
    ['an empty file', 'holidays.ics', ''],
    ['a CSV under another name', 'holidays.ics', '日期,类型,名称\n2026-10-01,休,国庆节'],
  ])('an .ics that is %s is not_a_calendar, and nothing else', (_, fileName, text) => {
    expect(parse(fileName, text)).toEqual({
      entries: [],
      years: [],
      problems: [{ line: 0, reason: 'not_a_calendar', text: text.split('\n')[0] ?? '' }],
    })
  })

  it('a calendar without events gives no_events', () => {
    expect(parse('a.ics', ics('PRODID:-//x//y//CN'))).toEqual({
      entries: [],
      years: [],
      problems: [{ line: 0, reason: 'no_events', text: '' }],
    })
  })

  it.each(['holidays.csv', 'holidays.txt', 'HOLIDAYS.ICS', 'holidays.xlsx', 'holidays'])(
    'reads a file that starts with BEGIN:VCALENDAR as iCalendar whatever its name: %s',
    (fileName) => {
      expect(parse(fileName, `\n${CHINESE_DAYS_2026}`).entries).toEqual(
        parse('2026.ics', CHINESE_DAYS_2026).entries,
      )
    },
  )
})

describe('parseCalendarFile: CSV', () => {
  it.each([
    ['2026-10-01'],
    ['2026/10/01'],
    ['2026/10/1'],
    ['2026-10-1'],
    ['2026.10.1'],
    ['2026年10月1日'],
    ['2026年10月01日'],
    ['2026年10月1'],
    ['20261001'],
    ['２０２６－１０－０１'],
    ['２０２６／１０／１'],
    ['２０２６年１０月１日'],
    ['2026/10/1 0:00'],
    ['2026-10-01 00:00:00'],
    [' 2026-10-01 '],
    ['"2026-10-01"'],
  ])('reads the date %j', (date) => {
    const parsed = parse('a.csv', `${date},休,国庆节`)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toEqual([entry('2026-10-01', 'rest', '国庆节', 'National Day')])
  })

  it('reads 29 February in a leap year', () => {
    expect(datesOf(parse('a.csv', '2028-02-29,休,x'))).toEqual(['2028-02-29'])
  })

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '20260230',
    '2026年2月30日',
    '2026/10',
    '2026-10/01',
    '26-10-01',
    '2026-10-01-02',
    '1899-12-31',
    'tomorrow',
    '',
  ])('bad_date for %j', (date) => {
    const line = `${date},休,国庆节`
    const parsed = parse('a.csv', `2026-10-08,休,国庆节\n${line}`)
    expect(parsed.problems).toEqual([{ line: 2, reason: 'bad_date', text: line.trim() }])
    expect(datesOf(parsed)).toEqual(['2026-10-08'])
  })

  it.each([
    ['休', 'rest'],
    ['休息', 'rest'],
    ['放假', 'rest'],
    ['假', 'rest'],
    ['rest', 'rest'],
    ['Holiday', 'rest'],
    ['OFF', 'rest'],
    ['班', 'work'],
    ['上班', 'work'],
    ['补班', 'work'],
    ['调休上班', 'work'],
    ['work', 'work'],
    ['Workday', 'work'],
    [' 班 ', 'work'],
  ])('reads the kind %j as %s', (kind, expected) => {
    expect(kindsOf(parse('a.csv', `2026-10-10,${kind},国庆节`))).toEqual([`2026-10-10 ${expected}`])
  })

  it.each(['', '节日', 'maybe', '休班', 'workdayx'])('bad_kind for %j', (kind) => {
    const line = `2026-10-10,${kind},国庆节`
    const parsed = parse('a.csv', `${line}\n2026-10-01,休,国庆节`)
    expect(parsed.problems).toEqual([{ line: 1, reason: 'bad_kind', text: line }])
    expect(datesOf(parsed)).toEqual(['2026-10-01'])
  })

  it('reads a Chinese header', () => {
    const parsed = parse('a.csv', '日期,类型,名称\n2026-10-01,休,国庆节\n2026-10-10,班,国庆节')
    expect(parsed).toEqual({
      entries: [
        entry('2026-10-01', 'rest', '国庆节', 'National Day'),
        entry('2026-10-10', 'work', '国庆节', 'National Day'),
      ],
      years: [2026],
      problems: [],
    })
  })

  it('reads 节日 as the name column', () => {
    const parsed = parse('a.csv', '节日,日期,类型\n劳动节,2026-05-01,休')
    expect(parsed.entries).toEqual([entry('2026-05-01', 'rest', '劳动节', 'Labour Day')])
  })

  it('reads an English header in another order, with extra columns and an English name', () => {
    const text =
      'Name_EN,Note,Kind,DATE,Name\nNational Day,x,rest,2026-10-01,国庆\n,,work,2026-10-10,Labour Day'
    const parsed = parse('a.csv', text)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toEqual([
      entry('2026-10-01', 'rest', '国庆', 'National Day'),
      entry('2026-10-10', 'work', '劳动节', 'Labour Day'),
    ])
  })

  it.each([
    ['type', 'date,type,name\n2026-10-01,休,国庆节'],
    ['name en', 'date,kind,name,name en\n2026-10-01,休,国庆节,Golden Week'],
    ['英文名称', '日期,类型,名称,英文名称\n2026-10-01,休,国庆节,Golden Week'],
  ])('reads the header label %j', (_, text) => {
    const parsed = parse('a.csv', text)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries[0]?.date).toBe('2026-10-01')
    expect(parsed.entries[0]?.kind).toBe('rest')
  })

  it('takes the English name from its column when there is one', () => {
    const parsed = parse('a.csv', '日期,类型,名称,英文名称\n2026-10-01,休,国庆节,Golden Week')
    expect(parsed.entries).toEqual([entry('2026-10-01', 'rest', '国庆节', 'Golden Week')])
  })

  it('without a header reads date, kind, name (and an English name)', () => {
    const parsed = parse('a.csv', '2026-10-01,休,国庆节\n2026-10-02,休,国庆节,Golden Week\n2026-10-03,休')
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toEqual([
      entry('2026-10-01', 'rest', '国庆节', 'National Day'),
      entry('2026-10-02', 'rest', '国庆节', 'Golden Week'),
      entry('2026-10-03', 'rest', '', ''),
    ])
  })

  it.each([
    ['no kind column', '日期,名称\n2026-10-01,国庆节'],
    ['no date column', 'name,kind\n国庆节,休'],
  ])('a header with %s is not_a_calendar', (_, text) => {
    const header = text.split('\n')[0] ?? ''
    expect(parse('a.csv', text)).toEqual({
      entries: [],
      years: [],
      problems: [{ line: 1, reason: 'not_a_calendar', text: header }],
    })
  })

  it.each([
    ['国庆节、中秋节', '', '国庆节、中秋节', 'National Day, Mid-autumn Festival'],
    ['中秋节，国庆节', '', '中秋节，国庆节', 'Mid-autumn Festival, National Day'],
    ['元旦(休)', '', '元旦', "New Year's Day"],
    ['春节（班）', '', '春节', 'Spring Festival'],
    ['春节补班', '', '春节', 'Spring Festival'],
    ['国庆假期', '', '国庆', 'National Day'],
    ['中秋 休', '', '中秋', 'Mid-autumn Festival'],
    ['五一', '', '五一', 'Labour Day'],
    ['National Day - work', '', '国庆节', 'National Day'],
    ['National Day, Mid-autumn Festival', '', '国庆节、中秋节', 'National Day, Mid-autumn Festival'],
    ['labor day', '', '劳动节', 'labor day'],
    ['Chinese New Year', '', '春节', 'Chinese New Year'],
    ['公司年会', '', '公司年会', '公司年会'],
    ['Founders Day', '', 'Founders Day', 'Founders Day'],
    ['', 'National Day', '国庆节', 'National Day'],
    ['国庆节', 'National Day (Holiday)', '国庆节', 'National Day'],
  ])('names from %j and %j: %s / %s', (name, nameEn, nameZh, expectedEn) => {
    const parsed = parse('a.csv', `date,kind,name,name_en\n2026-10-01,休,"${name}","${nameEn}"`)
    expect(parsed.entries).toEqual([entry('2026-10-01', 'rest', nameZh, expectedEn)])
  })

  it('reads UTF-8 with a BOM, header included', () => {
    const bytes = concatBytes([0xef, 0xbb, 0xbf], '日期,类型,名称\r\n2026-10-01,休,国庆节\r\n')
    expect(parseCalendarFile('a.csv', bytes)).toEqual({
      entries: [entry('2026-10-01', 'rest', '国庆节', 'National Day')],
      years: [2026],
      problems: [],
    })
  })

  describe('GBK, as Excel saves CSV on a Chinese PC', () => {
    const rest = [0xd0, 0xdd]
    const work = [0xb0, 0xe0]
    const nationalDay = [0xb9, 0xfa, 0xc7, 0xec, 0xbd, 0xda]

    it('the hand-written bytes are the characters meant', () => {
      const gb18030 = new TextDecoder('gb18030')
      expect(gb18030.decode(new Uint8Array(rest))).toBe('休')
      expect(gb18030.decode(new Uint8Array(work))).toBe('班')
      expect(gb18030.decode(new Uint8Array(nationalDay))).toBe('国庆节')
    })

    it('reads them', () => {
      const bytes = concatBytes(
        '2026-10-01,',
        rest,
        ',',
        nationalDay,
        '\r\n',
        '2026-10-10,',
        work,
        ',',
        nationalDay,
        '\r\n',
      )
      expect(parseCalendarFile('holidays.csv', bytes)).toEqual({
        entries: [
          entry('2026-10-01', 'rest', '国庆节', 'National Day'),
          entry('2026-10-10', 'work', '国庆节', 'National Day'),
        ],
        years: [2026],
        problems: [],
      })
    })
  })

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line endings and counts lines right', (_, newline) => {
    const text = ['日期,类型,名称', '2026-10-01,休,国庆节', '', '2026-10-32,休,国庆节', ''].join(newline)
    const parsed = parse('a.csv', text)
    expect(datesOf(parsed)).toEqual(['2026-10-01'])
    expect(parsed.problems).toEqual([{ line: 4, reason: 'bad_date', text: '2026-10-32,休,国庆节' }])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = [
      '2026-10-01,"休","国庆节, 中秋节"',
      '2026-10-02,休,"The ""Golden"" Week"',
      '2026-10-03,休,"two',
      'lines"',
      '2026-10-04,what,x',
    ].join('\n')
    const parsed = parse('a.csv', text)
    expect(parsed.entries.map((item) => item.nameZh)).toEqual([
      '国庆节, 中秋节',
      'The "Golden" Week',
      'two\nlines',
    ])
    expect(parsed.entries[0]?.nameEn).toBe('National Day, Mid-autumn Festival')
    expect(reasonsOf(parsed)).toEqual([[5, 'bad_kind']])
  })

  it('skips blank lines, empty rows and # comments, and counts them in line numbers', () => {
    const text =
      '# 2026 official notice\n\n   \n,,\n日期,类型,名称\n2026-10-01,休,国庆节\n\n2026-10-01x,休,国庆节'
    const parsed = parse('a.txt', text)
    expect(datesOf(parsed)).toEqual(['2026-10-01'])
    expect(reasonsOf(parsed)).toEqual([[8, 'bad_date']])
  })

  it('reports a day given with both kinds, keeping the first; a repeat with the same kind is silent', () => {
    const text = '日期,类型,名称\n2026-10-01,休,国庆节\n2026/10/1,休,国庆节\n2026年10月1日,班,国庆节'
    const parsed = parse('a.csv', text)
    expect(kindsOf(parsed)).toEqual(['2026-10-01 rest'])
    expect(parsed.problems).toEqual([{ line: 4, reason: 'conflict', text: '2026年10月1日,班,国庆节' }])
  })

  it('sorts entries by date and gives the distinct years in order', () => {
    const parsed = parse(
      'a.csv',
      '2027-01-01,休,元旦\n2026-10-01,休,国庆节\n2025-01-01,休,元旦\n2026-01-01,休,元旦',
    )
    expect(datesOf(parsed)).toEqual(['2025-01-01', '2026-01-01', '2026-10-01', '2027-01-01'])
    expect(parsed.years).toEqual([2025, 2026, 2027])
  })

  it('sorts problems by line', () => {
    const parsed = parse('a.csv', '2026-10-01,休,a\n2026-10-01,班,b\nx,休,c\n2026-10-02,?,d')
    expect(reasonsOf(parsed)).toEqual([
      [2, 'conflict'],
      [3, 'bad_date'],
      [4, 'bad_kind'],
    ])
  })

  it.each([
    ['an empty file', new Uint8Array()],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only blank lines', utf8('\r\n  \r\n\t\r\n')],
    ['only a header', utf8('日期,类型,名称\n')],
  ])('%s gives no_events', (_, bytes) => {
    expect(parseCalendarFile('a.csv', bytes)).toEqual({
      entries: [],
      years: [],
      problems: [{ line: 0, reason: 'no_events', text: '' }],
    })
  })

  it('a file of bad lines gives their problems and no_events', () => {
    expect(reasonsOf(parse('a.csv', '2026-10-01,maybe,x\n2026-02-30,休,y'))).toEqual([
      [0, 'no_events'],
      [1, 'bad_kind'],
      [2, 'bad_date'],
    ])
  })
})

describe('parseCalendarFile: other files', () => {
  it.each([
    ['another extension', 'holidays.xlsx', utf8('2026-10-01,休,国庆节')],
    ['no extension', 'holidays', utf8('2026-10-01,休,国庆节')],
    ['binary content', 'holidays.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])],
    ['UTF-16 text', 'holidays.txt', new Uint8Array([0xff, 0xfe, 0x32, 0x00, 0x30, 0x00])],
  ])('%s is not_a_calendar', (_, fileName, bytes) => {
    const parsed = parseCalendarFile(fileName, bytes)
    expect(parsed.entries).toEqual([])
    expect(reasonsOf(parsed)).toEqual([[0, 'not_a_calendar']])
  })
})
