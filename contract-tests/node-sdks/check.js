// The official Node.js SDKs of both clouds against a running emulator (real clock, strict signatures, limits on):
// Volcengine's @volcengine/openapi, and Alibaba Cloud's @alicloud/pop-core (signature V1) and
// @alicloud/openapi-client (Tea: ACS3-HMAC-SHA256 and V1). Each check asserts what a Node client reads: the data and
// its arithmetic on success, the code (and status where the SDK gives one) on each error. Exit status 1 on any
// failure. Usage: node check.js http://127.0.0.1:PORT
'use strict';
const assert = require('node:assert/strict');
const { Service } = require('@volcengine/openapi');
const RPCClient = require('@alicloud/pop-core');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const base = new URL(process.argv[2] || 'http://127.0.0.1:8080');
const VOLC = { accessKeyId: 'AKLTtestaccesskey', secretKey: 'testsecretkey' };
const ALIYUN = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
// two days ago, so each queried day is complete and inside every history window
const day = new Date(Date.now() - 2 * 86400e3).toISOString().slice(0, 10);

const checks = [];
const check = (name, fn) => checks.push({ name, fn });
const round3 = x => Math.round(x * 1000) / 1000;

// the emulator's throttles refill on its virtual clock: move it on instead of sleeping
async function moveClock(move) {
  const r = await fetch(new URL('/_emulator/clock', base), { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(move) });
  assert.equal(r.status, 200);
}
const advanceClock = duration => moveClock({ advance: duration });

function volc(serviceName, secretKey = VOLC.secretKey) {
  return new Service({ host: base.host, protocol: base.protocol, region: 'cn-north-1', serviceName,
    accessKeyId: VOLC.accessKeyId, secretKey });
}
const bandwidth = (svc = volc('live')) => svc.createJSONAPI('DescribeLivePullToPushBandwidthData', { Version: '2023-01-01' });
function errorOf(answer) {
  return answer.ResponseMetadata.Error;
}
function assertError(answer, code, codeN) {
  const error = errorOf(answer);
  assert.ok(error, `no error in ${JSON.stringify(answer).slice(0, 300)}`);
  assert.equal(error.Code, code);
  if (codeN !== undefined) {
    assert.equal(error.CodeN, codeN);
  }
}

check('volcengine: bandwidth of one hour at 300 s, split by group, adds up', async () => {
  const answer = await bandwidth()({ StartTime: `${day}T00:00:00+08:00`, EndTime: `${day}T01:00:00+08:00`,
    Aggregation: 300, GroupList: ['group001', 'group002'], DetailField: ['Group'] });
  assert.equal(errorOf(answer), undefined, JSON.stringify(answer));
  assert.equal(answer.ResponseMetadata.Action, 'DescribeLivePullToPushBandwidthData');
  const r = answer.Result;
  assert.equal(r.BandwidthDataList.length, 12);
  assert.equal(r.PeakUpBandwidth, Math.max(...r.BandwidthDataList.map(p => p.UpBandwidth)));
  assert.deepEqual(r.BandwidthDetailDataList.map(g => [g.Group, g.DstAddrType]), [['group001', 'Third'], ['group002', 'Live']]);
  r.BandwidthDataList.forEach((p, i) => assert.equal(p.UpBandwidth,
    round3(r.BandwidthDetailDataList.reduce((sum, g) => sum + g.BandwidthDataList[i].UpBandwidth, 0)), p.TimeStamp));
});

check('volcengine: transcode minutes of one day sum to the total', async () => {
  const answer = await volc('live').createJSONAPI('DescribeLiveTranscodeData', { Version: '2023-01-01' })({
    StartTime: `${day}T00:00:00+08:00`, EndTime: `${day}T23:59:59+08:00`, DomainList: ['example.com'] });
  assert.equal(errorOf(answer), undefined, JSON.stringify(answer));
  const r = answer.Result;
  assert.equal(r.Aggregation, 86400);
  assert.ok(r.TranscodeDataList.length > 0);
  assert.ok(Math.abs(r.Duration - r.TranscodeDataList.reduce((sum, p) => sum + p.Duration, 0)) < 1e-6);
});

check('volcengine: RTC users by province, proportions sum to 100', async () => {
  const answer = await volc('rtc').createJSONAPI('ListOperationDistribution', { Version: '2020-12-01' })({
    AppId: 'Your_AppId', StartTime: `${day}T00:00:00+08:00`, EndTime: `${day}T23:59:59+08:00`,
    Indicator: 'user_num', Dimension: 'province' });
  assert.equal(errorOf(answer), undefined, JSON.stringify(answer));
  const data = answer.Result.Data;
  assert.ok(data.length > 10);
  assert.ok(Math.abs(data.reduce((sum, d) => sum + d.Proportion, 0) - 100) < 0.05);
});

check('volcengine: a wrong secret is SignatureDoesNotMatch, CodeN 100010', async () => {
  const answer = await bandwidth(volc('live', 'wrongsecret'))({ StartTime: `${day}T00:00:00+08:00`, EndTime: `${day}T01:00:00+08:00` });
  assertError(answer, 'SignatureDoesNotMatch', 100010);
});

check('volcengine: a span over 93 days is InvalidParam', async () => {
  const answer = await bandwidth()({ StartTime: '2026-01-01T00:00:00+08:00', EndTime: `${day}T00:00:00+08:00` });
  assertError(answer, 'InvalidParam');
});

check('volcengine: RTC end before start is InvalidParameter.StartTimeAfterEndTime', async () => {
  const answer = await volc('rtc').createJSONAPI('ListOperationDistribution', { Version: '2020-12-01' })({
    AppId: 'Your_AppId', StartTime: `${day}T02:00:00+08:00`, EndTime: `${day}T01:00:00+08:00`, Indicator: 'user_num',
    Dimension: 'province' });
  assertError(answer, 'InvalidParameter.StartTimeAfterEndTime');
});

check('volcengine: GET is MethodNotAllowed, CodeN 100020', async () => {
  const answer = await volc('live').createAPI('DescribeLivePullToPushBandwidthData', { Version: '2023-01-01', method: 'GET' })({});
  assertError(answer, 'MethodNotAllowed', 100020);
});

const producerQuery = { StartTime: `${day}T00:00:00Z`, EndTime: `${day}T06:00:00Z`, Interval: '3600', SplitBy: 'type,domain' };
function assertProducerItems(answer) {
  const items = answer.BillProducerData.BillProducerDataItem;
  assert.ok(items.length >= 6, JSON.stringify(answer));
  assert.ok(items.every(i => i.TimeStamp >= `${day}T00:00:00Z` && i.TimeStamp < `${day}T06:00:00Z`));
  assert.ok(items.every(i => ['slidelive', 'universal'].includes(i.Type) && i.DomainName));
  assert.ok(items.every(i => Number.isInteger(i.TranHdDuration) && i.TranHdDuration >= 0));
  assert.match(answer.RequestId, /^[0-9A-F-]{36}$/);
}
const popClient = (secret = ALIYUN.accessKeySecret) => new RPCClient({ accessKeyId: ALIYUN.accessKeyId, accessKeySecret: secret,
  endpoint: base.origin, apiVersion: '2016-11-01' });
async function failureOf(call) {
  try { await call(); } catch (e) { return e; }
  assert.fail('the call succeeded');
}

for (const method of ['GET', 'POST']) {
  check(`aliyun pop-core ${method}: producer minutes per hour, split by type and domain`, async () => {
    await advanceClock('PT1S');
    assertProducerItems(await popClient().request('DescribeLiveProducerUsageData', producerQuery, { method, formatParams: false }));
  });
}

check('aliyun pop-core: a wrong secret is SignatureDoesNotMatch with the server string to sign', async () => {
  const e = await failureOf(() => popClient('wrongsecret').request('DescribeLiveProducerUsageData', producerQuery, { method: 'POST' }));
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.match(e.message, /server string to sign is:POST&%2F&AccessKeyId%3Dtestid/);
});

check('aliyun pop-core: EndTime before StartTime is InvalidEndTime.Mismatch', async () => {
  const e = await failureOf(() => popClient().request('DescribeLiveProducerUsageData',
    { StartTime: `${day}T06:00:00Z`, EndTime: `${day}T00:00:00Z` }, { method: 'POST' }));
  assert.equal(e.code, 'InvalidEndTime.Mismatch');
});

check('aliyun pop-core: the sixth call in one second is Throttling.User', async () => {
  await moveClock({ advance: 'PT1S', freeze: true }); // a full bucket, and no refill however slow the calls
  try {
    const codes = [];
    for (let i = 0; i < 6; i++) {
      codes.push(await popClient().request('DescribeLiveProducerUsageData', producerQuery, { method: 'POST' })
        .then(() => 'ok', e => e.code));
    }
    assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok', 'Throttling.User']);
  } finally {
    await moveClock({ freeze: false });
  }
});

function teaClient(secret = ALIYUN.accessKeySecret) {
  return new OpenApi.default(new OpenApi.Config({ accessKeyId: ALIYUN.accessKeyId, accessKeySecret: secret,
    endpoint: base.host, protocol: base.protocol.replace(':', '') }));
}
function teaCall(client, signature, method, query) {
  const params = new OpenApi.Params({ action: 'DescribeLiveProducerUsageData', version: '2016-11-01', protocol: 'HTTP',
    pathname: '/', method, authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  const request = new OpenApi.OpenApiRequest({ query });
  const runtime = new Util.RuntimeOptions({ autoretry: false });
  return signature === 'ACS3'
    ? client.callApi(params, request, runtime)
    : client.doRPCRequest(params.action, params.version, params.protocol, method, params.authType, params.bodyType, request, runtime);
}

for (const signature of ['ACS3', 'V1']) {
  for (const method of ['POST', 'GET']) {
    check(`aliyun tea ${signature} ${method}: producer minutes per hour, split by type and domain`, async () => {
      await advanceClock('PT1S');
      const answer = await teaCall(teaClient(), signature, method, producerQuery);
      assert.equal(answer.statusCode, 200);
      assertProducerItems(answer.body);
    });
  }
  check(`aliyun tea ${signature}: a wrong secret is SignatureDoesNotMatch, 400`, async () => {
    const e = await failureOf(() => teaCall(teaClient('wrongsecret'), signature, 'POST', producerQuery));
    assert.deepEqual([e.code, e.statusCode], ['SignatureDoesNotMatch', 400]);
  });
  check(`aliyun tea ${signature}: a malformed StartTime is InvalidStartTime.Malformed, 400`, async () => {
    await advanceClock('PT1S');
    const e = await failureOf(() => teaCall(teaClient(), signature, 'POST', { ...producerQuery, StartTime: 'yesterday' }));
    assert.deepEqual([e.code, e.statusCode], ['InvalidStartTime.Malformed', 400]);
  });
}

(async () => {
  let failed = 0;
  for (const { name, fn } of checks) {
    try {
      await fn();
      console.log(`ok    ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${name}\n      ${String(e.stack || e).split('\n').slice(0, 6).join('\n      ')}`);
    }
  }
  console.log(`${checks.length - failed} of ${checks.length} checks passed`);
  process.exit(failed ? 1 : 0);
})();
