import pg from 'pg';
const B='http://127.0.0.1:3877'; const N=1000000; const SECONDS=Number(process.argv[2]??10); const mode=process.argv[3]??'record';
const r = await fetch(`${B}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'ChauThanh@2026' }) });
const cookie = r.headers.get('set-cookie').split(';')[0]; const csrf=(await r.json()).csrfToken;
const db = new pg.Client({ connectionString: process.env.PGURL }); await db.connect();
const ids=[]; for (let c=0;c<10;c++) for (let j=0;j<4000;j++) ids.push(`B-${1 + ((c * 50_021 + j + 7000) % N)}`);
const versions=new Map(); for (const x of (await db.query('SELECT id, version FROM cases WHERE id = ANY($1)', [ids])).rows) versions.set(x.id, x.version);
await db.end();
const lat=[]; let errors=0; const until=Date.now()+SECONDS*1000;
await Promise.all(Array.from({length:10}, async (_,c)=>{ let n=0; while(Date.now()<until){ const id=`B-${1 + ((c * 50_021 + Math.floor(n/5) + 7000) % N)}`; n++;
  const t=performance.now(); let res;
  if (mode==='record') { const v=versions.get(id); versions.set(id, v+1);
    res = await fetch(`${B}/api/cases/${id}/events`, { method:'POST', headers:{cookie, 'x-csrf-token':csrf, 'content-type':'application/json'}, body: JSON.stringify({expectedVersion:v, event:{type:'payment', on:'2026-11-20', obligation:'o1', amount:1000}})});
    if (res.status!==201) errors++;
  } else { res = await fetch(`${B}/api/cases/${id}`, {headers:{cookie}}); if (!res.ok) errors++; }
  await res.arrayBuffer(); lat.push(performance.now()-t);} }));
lat.sort((a,b)=>a-b); console.log(mode, (lat.length/SECONDS).toFixed(0)+'/s', 'p50', lat[Math.floor(lat.length*0.5)].toFixed(1), 'p95', lat[Math.floor(lat.length*0.95)].toFixed(1), 'errors', errors);
