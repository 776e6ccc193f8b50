// Seeded random text mutations of valid flowcharts: what a hurried edit, a bad paste or
// a wrong encoding makes of a diagram. Every result must either draw or fail with one
// FlowSyntaxError.
import { prng } from './random.js';

/** Realistic diagrams to start from, beside the notes' and the random ones. */
export const USER_DIAGRAMS: Record<string, string> = {
  pipeline: `%%{init: {"theme": "dark"}}%%
flowchart LR
    push[Git push] --> ci{CI triggered?}
    ci -->|yes| install[npm ci]
    ci -->|no| done((Done))
    install --> lint[Lint] & unit[Unit tests]
    lint --> build[Build]
    unit --> build
    build --> e2e[E2E tests]
    e2e -->|pass| deploy-staging[Deploy staging]
    e2e -->|fail| notify[Notify team]
    deploy-staging --> approve{Manual approval}
    approve -->|approved| prod[Deploy prod]
    approve -.->|rejected| notify
    prod ==> done
    notify --> done
    classDef danger fill:#f96,stroke:#333
    class notify danger
`,
  decisions: `graph TD
    A[Start] --> B{Is it working?}
    B -->|Yes| C[Don't touch it]
    B -->|No| D{Did you touch it?}
    D -->|Yes| E[You idiot!]
    D -->|No| F{Does anyone know?}
    F -->|Yes| G[You poor soul]
    F -->|No| H[Hide it]
    E --> I{Can you blame someone?}
    G --> I
    I -->|Yes| J[No problem]
    I -->|No| K[Trouble]
    H --> J
    C --> L((End))
    J --> L
    K --> L
`,
  nested: `flowchart TB
    c1-->a2
    subgraph one
    a1-->a2
    end
    subgraph two
    b1-->b2
    end
    subgraph three
    c1-->c2
    end
    one --> two
    three --> two
    two --> c2
    subgraph outer [Outer system]
      direction LR
      subgraph inner["Inner #quot;core#quot;"]
        x1[Parser] --> x2[Layout]
      end
      x2 --> y1[Renderer]
    end
    a1 --> x1
    y1 --> b2
`,
  chinese: `flowchart TD
    开始((开始)) --> 读取[读取配置文件]
    读取 --> 校验{配置是否有效？}
    校验 -->|是| 连接[连接数据库]
    校验 -->|否| 报错[打印错误信息<br>并退出]
    连接 --> 处理[处理请求] --> 结束((结束))
    报错 --> 结束
    subgraph 服务端
      连接
      处理
    end
`,
};

const TOKENS = [
  ...'[](){}|><-=.&;%"\'`:~@#/\\!?*+xo ',
  'a', 'Z', '7', '_', '共', '享', '内存', '\u0301', '\u0308', '\u20dd', '😀', '👍🏽', '👨‍👩‍👧', '\t', '\n', '\r\n', '\r',
  '\u0000', '\u001b', '\u0007', '\u200b', '\ufeff', '\u00ad', '\u2028', '\ud800',
  ' end ', '\nend\n', 'subgraph s\n', 'subgraph "t t"\n', '-->', '---', '-.->', '==>', '-- t -->', '|l|', ' & ', '\ndirection LR\n',
  '%%', '%%{', '}%%', '"`', '`"', '<br>', '#quot;', '&amp;', ':::c', '@{', 'style a fill:#f00\n', 'linkStyle 0 color:red\n',
];

/** Applies 1..4 random edits to `source`. */
export function mutate(source: string, seed: number): string {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  let s = source;
  const edits = 1 + int(4);
  for (let k = 0; k < edits; k++) {
    const at = int(s.length + 1);
    switch (int(7)) {
      case 0: // delete a few characters
        s = s.slice(0, at) + s.slice(at + 1 + int(5));
        break;
      case 1: // insert a token
      case 2:
        s = s.slice(0, at) + TOKENS[int(TOKENS.length)] + s.slice(at);
        break;
      case 3: // duplicate a stretch
        s = s.slice(0, at) + s.slice(at, at + 1 + int(30)) + s.slice(at);
        break;
      case 4: {
        // swap two lines
        const lines = s.split('\n');
        const i = int(lines.length);
        const j = int(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        s = lines.join('\n');
        break;
      }
      case 5: {
        // a line repeated
        const lines = s.split('\n');
        const i = int(lines.length);
        lines.splice(i, 0, ...Array(1 + int(4)).fill(lines[i]));
        s = lines.join('\n');
        break;
      }
      default: {
        // a node with a very long label, or one long word
        const words = rnd() < 0.5 ? 'a rather long label '.repeat(1 + int(15)) : 'x'.repeat(20 + int(150));
        s = `${s}\nlong${int(3)}[${words.trim()}] --> ${['a', 'b', '开始', 'A', 'shm'][int(5)]}\n`;
      }
    }
  }
  return s;
}
