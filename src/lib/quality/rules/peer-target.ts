import { marksToValues, peerMark, type PeerSpread, position, spreadOf } from '../peers';
import { q, qEn } from '../phrases';
import { type CorpusRule, type Hit, type Places, SOURCES } from '../rule';

const num = (x: number) => String(Number(x.toFixed(2)));

/**
 * 适当性 (财预〔2021〕101号: 绩效目标是否过高或过低): a target far below (过低) or far above (过高, unrealistic)
 * the median of the same indicator across counties (peers.ts says what "the same" is; settings.peers
 * how far and how many counties). Each county counts once, its own included — the median of its distinct
 * targets — so the distribution is the one peers.json holds and the project page draws.
 */
const rule: CorpusRule = {
  id: 'peer-target', level: 'corpus', severity: 'minor', source: SOURCES.cy101, cost: { none: true },
  name: { zh: '目标值偏离同类', en: 'Target far from its peers' },
  checks: {
    zh: '定量指标的目标值远低于（过低）或远高于（过高）其他县区同类指标目标值的中位数。',
    en: 'A quantitative target far below (too low) or far above (unrealistic) the median target of the same indicator in other counties.',
  },
  cell: 'level3',
  key: (r) => r.peer,
  mark: (r) => peerMark(r.place, r.value!),
  check: (rows, placesOf, s) => {
    const hits: Hit[] = [];
    const spreads = new Map<string, PeerSpread | null>(); // one group's spread, once for all its rows
    for (const r of rows) {
      if (r.peer == null || r.value == null) continue;
      if (!spreads.has(r.peer)) spreads.set(r.peer, spreadOf(marksToValues(placesOf(r) ?? [])));
      const spread = spreads.get(r.peer);
      if (!spread || spread.counties < s.peers.minCounties) continue;
      const where = position(r.value, spread.median, s.peers.low, s.peers.high);
      if (where === 'within') continue;
      const unit = r.peer.split('|')[1];
      const [word, verdict] = where === 'low' ? ['低于', '过低'] : ['高于', '过高'];
      const [wordEn, verdictEn] = where === 'low' ? ['below', 'too low'] : ['above', 'too high'];
      const ratio = where === 'low' ? s.peers.low : s.peers.high;
      hits.push({
        filing: r.filing, project: r.project, indicator: r.indicator, line: r.line,
        evidence: `${verdict}: ${num(r.value)}${unit}; ${spread.counties}个县区中位数 ${num(spread.median)}${unit}（${num(spread.min)}–${num(spread.max)}${unit}）`,
        say: `第${r.indicator}行指标${q(r.level3)}的目标值${q(r.target)}${word}${spread.counties}个县区同类指标中位数${num(spread.median)}${unit}的${ratio}倍（同类范围${num(spread.min)}–${num(spread.max)}${unit}）；请确认目标是否${verdict}。`,
        en: `Row ${r.indicator} indicator ${qEn(r.level3)} sets ${qEn(r.target)}, ${wordEn} ${ratio} × the median ${num(spread.median)}${unit} of the same indicator in ${spread.counties} counties (their range ${num(spread.min)}–${num(spread.max)}${unit}); check whether the target is ${verdictEn}.`,
      });
    }
    return hits;
  },
};

export default rule;

/**
 * The peer groups of a corpus and their spreads (every county counted, by the median of its distinct
 * targets), for groups found in two counties or more: the ingest writes them as `peers.json`, so a
 * project page shows where a target sits without downloading the province.
 */
export function peerSpreads(places: Places): Record<string, PeerSpread> {
  const prefix = `${rule.id}\u0000`;
  const out: Record<string, PeerSpread> = {};
  for (const [id, marks] of places) {
    if (!id.startsWith(prefix)) continue;
    const spread = spreadOf(marksToValues(marks));
    if (spread && spread.counties >= 2) out[id.slice(prefix.length)] = spread;
  }
  return out;
}
