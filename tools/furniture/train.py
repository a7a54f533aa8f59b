#!/usr/bin/env python3
"""Trains wenshu's furniture model (src/repair/data/furniture_model.tsv): a logistic regression that tells a
line a document-sharing site or a government portal added (furniture) from a line of the report (prose).

Prose: every line of the clean corpora (national JSONL; provincial CSVs between their first and last
sentence, plus the title, subtitle, speaker and salutation lines before it), and report lines the corpora
lack (titles and signature lines of work reports, generated). Furniture: the portal chrome around the
provincial reports (the lines before and after the report that are not its title, subtitle, speaker or
salutation: 下载 打印 【字号：…, 来源：…, 相关报道：, 扫一扫在手机打开当前页 …) and lines generated from the
interface wording of document-sharing sites (stat lines, notices, breadcrumbs, tag lines, footers; see
FURNITURE_FORMS). Features: features.py.

Held out: every third document of the corpora (by corpus order) and, when --real is given, furniture
lines copied from real pages (a file kept outside the repository: source<TAB>line) that no generated
form was written from. The script prints precision and recall on the held-out lines at several
thresholds; the thresholds in src/repair/site_lines.h quote them.

Usage: train.py --shared /work/shared --out src/repair/data/furniture_model.tsv [--real FILE]
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import features, is_han  # noqa: E402
import segments  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vocab'))
from build_model import corpus_documents  # noqa: E402

MODEL_FORMAT_VERSION = 2
SEED = 20261202
EPOCHS = 8
L2 = 1e-6
LEARNING_RATE = 0.2
MIN_WEIGHT = 1e-3  # smaller weights are left out of the model file
GENERATED_FURNITURE = 30000
GENERATED_PROSE = 6000

SENTENCE_LINE = re.compile(r'.{20,}[。！？；]')


def provincial_titles(shared):
    """The provincial CSVs' title column, in corpus order (for labelling their edges)."""
    import csv
    import glob
    import io
    out = []
    d = os.path.join(shared, 'corpora/gov-reports-provincial-2026/output/2026_raw_text')
    for path in sorted(glob.glob(os.path.join(d, '*')), key=lambda p: os.path.basename(p).encode()):
        with open(path, encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(io.StringIO(f.read())))
        if len(rows) < 2 or 'full_text' not in rows[0]:
            continue
        out.extend(rows[1:])
    return out


# Annotation of the lines around a provincial report (before its first sentence, after its last): the
# report's own lines are its title, the subtitle naming the session (in one or two lines), the speaker,
# and the salutation. Everything else there is the portal's.
def edge_is_report(line, after_subtitle):
    t = line.strip()
    if not t:
        return None
    if '记者' in t or t.endswith('摄'):
        return False  # a photo caption
    if '各位代表' in t or t.startswith('现在，我代表'):
        return True
    if '会议上' in t or '人民代表大会' in t or t.startswith('——') or t.startswith('――'):
        return True
    if '报告' in t and '：' not in t and ':' not in t and len(t) <= 40:
        return True
    if re.search(r'(省长|市长|主席)\s*\S', t) and len(t) <= 30:
        return True
    if after_subtitle and re.fullmatch(r'[\u4e00-\u9fff]{2,4}', t) and t not in ('首页', '附件'):
        # The speaker's name alone, right after the subtitle and its source/date lines.
        return True
    return False


def labelled_corpus(shared):
    """(doc_index, line, is_furniture) for every non-blank line of the clean corpora."""
    docs = corpus_documents(shared)
    out, per_doc, edge_chrome = [], [], set()
    for i, text in enumerate(docs):
        lines = text.split('\n')
        prose_idx = [k for k, l in enumerate(lines) if SENTENCE_LINE.search(l)]
        first, last = (prose_idx[0], prose_idx[-1]) if prose_idx else (0, len(lines) - 1)
        national = i < len(docs) - 31  # the provincial reports come last, 31 of them
        subtitle_at = -10
        labels = []
        for k, l in enumerate(lines):
            if not l.strip():
                continue
            if national or first <= k <= last:
                labels.append((k, l, None))
                continue
            if '会议上' in l:
                subtitle_at = k
            is_report = edge_is_report(l, 0 < k - subtitle_at <= 3)
            labels.append((k, l, 0 if is_report else 1))
            if not is_report:
                edge_chrome.add(l.strip())
        per_doc.append((i, labels))
    # Inside the provincial reports the portal repeats some of its chrome (打印本页, 关闭窗口 before a second
    # copy of the opening), adds captions and editor lines, and ids without a single ideograph.
    for i, labels in per_doc:
        national = i < len(docs) - 31
        for k, l, y in labels:
            if y is None:
                t = l.strip()
                chrome = not national and (t in edge_chrome or not any(is_han(c) for c in t) or
                                           t.startswith('责任编辑') or ('记者' in t and t.endswith('摄')))
                y = 1 if chrome else 0
            out.append((i, l, y))
    return out


# Interface wording of document-sharing sites and portals, with slots filled at random. The wording is
# the sites' fixed interface text (quotable); what fills the slots is drawn from the corpus.
FURNITURE_FORMS = [
    '上传人:{user} 文档编号:{num} 上传时间:{date} 格式:{fmt} 页数:{pages} 大小:{size}',
    '上传人：{user}', '文档编号：{num}', '上传时间：{date}', '格式：{fmt}', '页数：{pages}', '大小：{size}',
    'ID:{num} 大小:{size} 页数:{pages}', '资源ID：{num} 资源大小：{size} 全文页数：{pages}页',
    '资源格式：{fmt} 下载积分：{n}金币', '浏览：{n} 下载：{n} 收藏：{n}', '阅读：{n}次 评论：{n}',
    '发布时间：{date} 作者：{user} 来源：{site}', '时间：{date} 来源：{site} 阅读量：{n}', '发布时间：{datetime}',
    '{date} {time}', '{datetime} 来源：{site}', '来源：{site}', '作者：{user}', '编辑：{user}', '责任编辑：{user}',
    '（责任编辑：{user}）', '（来源：{site}）', '阅读量：', '浏览次数：{n}', '字数：{n}', '点击：{n}次',
    '《{title}》由会员分享，可在线阅读，更多相关《{title}（{pages}页珍藏版）》请在{site}上搜索。',
    '{title}.{ext}由会员分享,可在线阅读', '《{title}.{ext}》由用户上传,可在线阅读,更多相关请在{site}上搜索',
    '本文档由用户上传，{site}整理发布，仅供学习参考', '本文档由{site}用户{user}上传分享',
    '版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领',
    '下载文档到电脑，查找使用更方便', '还剩{pages}页未读，继续阅读', '已阅读{n}页，还剩{pages}页未读 继续免费阅读',
    '本资源只提供{n}页预览，全部文档请下载后查看！', '亲，该文档总共{pages}页，到这儿已超出免费预览范围，如果喜欢就下载吧！',
    '点击查看更多>>', '下载本文档', '免费下载', '立即下载', '下载资源', '资源描述', '文档简介', '文本内容：', '合集下载',
    '下载 相关 举报', '书签 分享 收藏 举报', '举报', '开通vip', '加入VIP免费专享', '会员登录下载', '快捷下载 游客一键下载',
    '当前位置：首页 > {cat} > {cat2} > 正文', '当前位置>>首页 > {cat} > {cat2}', '您的位置：首页 » {cat} » {cat2}',
    '首页 > {cat} > {cat2}', '首页 | {cat} | {cat2}', '{site} > {cat} > {title}', '您现在的位置: {site} >> {cat} >> 正文',
    '首页', '>', '»', '|', '正文', '返回首页', '返回顶部', '返回列表',
    '上一篇：{title}', '下一篇：{title}', '上一篇', '下一篇', '相关推荐', '热门文章', '猜你喜欢', '推荐阅读', '相关文章',
    '相关文档：', '相关报道：', '热门推荐', '最新文章', '推荐度：', '相关搜索', '精选图文',
    '标签：{word}，{word}，{word}', '标签: {word} {word}', 'Tags：{word}，{word}', '关键词：{word} {word} {word}',
    '关 键 词：', '热门标签：{word} {word}',
    '本文地址：{url}', '原文链接：{url}', '{url}', '网址：{url}', '手机版：{url}',
    'Copyright © {year}-{year} {site} 版权所有', '{site} 版权所有 {icp}', '{icp}', '联系我们 | 关于我们 | 网站地图 | 免责声明',
    '关于我们 | 联系方式 | 用户协议 | 隐私政策', '投诉建议 | 意见反馈',
    '第{n}页 / 共{pages}页', '{title}_第{n}页', '第{n}页 共{pages}页',
    '下载', '打印', '全屏', '收藏', '分享', '【字号：', '加大', '还原', '减小', '】', '【', '【字体：', '大', '中', '小',
    '【字号：大 中 小】', '【字体：大 中 小】', '【打印】 【关闭】', '打印本页', '关闭窗口', '关闭', '分享到：', '分享到微信',
    '扫一扫在手机打开当前页', '扫一扫在手机上查看当前页面', '用微信扫一扫，分享到朋友圈', '×', '分享：',
    '以下是小编为大家整理的{title}，欢迎阅读，希望对大家有所帮助。', '小编为大家收集整理了{title}，供大家参考。',
    '以下是网友为大家整理分享的“{title}”相关范文，供您参考学习！', '本文由{site}小编整理，转载请注明出处。',
    '更多{cat}请关注{site}。', '想了解更多{cat}，请访问{site}。', '【{site}】', '{site}——专业的范文网站',
    '（未完，全文共{n}字，当前仅显示{n}字，请阅读下面提示信息。', '……(正式会员可完整阅读)',
    '温馨提示：{pages}页的文档只能预览{n}页', '友情提示', '1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充等附加服务。',
    '2、本站不支持迅雷下载，请使用浏览器下载。', '人工客服工作时间：9:00-18:30', '客服QQ：{num}',
    # More sites' interface wording (survey of December 2026): stat lines, notices, introductions, menus.
    '时间：{datetime} {cat} 我要投稿', '{date} {cat}', '{site} {datetime} {cat}', '推荐人：{user} 来源：{site} 阅读：{n}次',
    '推荐人: 来源: 阅读: {n}W 次', '发布者：{user} 时间：{date} 浏览：{n}次', '作者：{user} 发布于：{date}', '{date} 编辑：{user}',
    '字号：', '字号：T|T', '字体：', '默认 大 中 小', '浏览次数：{n} 发布时间：{datetime}', '信息来源：{site}',
    '发布机构：{site}', '索引号：{num}/{year}-{n}', '文号：', '成文日期：{date}', '主题分类：{cat}', '点击数：{n}',
    '微信扫一扫在手机阅读、分享本文', '手机扫码阅读', '扫码关注{site}公众号', '版权声明',
    '版权声明：本文内容由网友自发贡献，本站不拥有所有权，如发现侵权请联系删除。', '作者原创，不允许二次传播，一经发现收回',
    '本文为{site}原创，转载请注明出处。', '本文来源于网络，仅供学习参考，如有侵权请联系删除。',
    '《{title}》来源于{url}，欢迎阅读{title}。', '《{title}》属于{cat}中比较优秀的内容，欢迎参考。',
    '{intro}下面是小编为大家收集的{title}，仅供参考，欢迎大家阅读。', '{intro}下面是{site}小编分享的{title}，以供借鉴。',
    '{intro}以下是小编精心整理的{title}，希望能够帮助到大家。', '{intro}那么{cat}怎么写呢？以下是小编为大家带来的{title}，欢迎阅读。',
    'Tag：{word}，{word}，{word} - {cat}', 'Tags: {word} {word}', '-精品{cat}推荐-', '-{cat}推荐-', '@所有人，加入我们',
    '会员登录 新用户注册 退出', '登录 | 注册', '{site} - {site}之家', '当前位置', '您现在的位置是：首页 > {cat} > {cat2}',
    '位置：{site} > {cat}', '{cat} > 正文', '栏目：{cat}', '所属栏目：{cat}', '文章来源：{site}', '收藏本站', '设为首页',
    '复制链接', '打印文章', '纠错', '上一页', '下一页', '全文阅读', '阅读全文', '展开全文', '查看全部', '更多>>',
    '本篇文章共{n}字，预计阅读时长{pages}分钟', '今日推荐', '{title}相关文章：', '【相关文章】', '【推荐阅读】',
    '{n}人已阅读', '{n}次浏览', '{n}人收藏', '{n}人点赞', '评分：{pages}.0分', '文档页数：{pages}页 文档大小：{size}',
    '文档格式：{fmt} 下载次数：{n}', '需要积分：{n}', '{title}.{ext}', '文件格式：{fmt}', '预览结束，剩余{pages}页未读',
    '下面是小编为大家整理的{title}，供大家参考。', '以下是为大家整理的关于{title}的文章{n}篇，欢迎大家前来参考查阅！',
    '{title}由{site}小编整理，供大家参考。', '下面是{site}为大家准备的{title}，希望对大家有帮助。',
    '本文是小编精心编辑的{title}，希望能够给予您帮助。', '《{title}》由{site}整理，仅供参考。', '以上就是{title}的全部内容。',
    '感谢您阅读《{title}》，希望对您有所帮助。', '{title}（共{pages}篇）', '更多{cat}请点击进入{site}。',
    '今天是：{date} 星期{wd}', '今天是：{date} 星期{wd} 农历{lunar}', '{site} {date}星期{wd}', '今天是：',
    'Page {n} - {title}', 'P. {n}', '点击收听{cat}语音朗读', '语音播报', '关怀版', '无障碍阅读', '长者模式', '繁体',
    '<{tag} id="{x}"></{tag}>', '{n}. <{tag} id="{x}"></{tag}>', '<{tag} id="{x}"><{tag} id="{x}"></{tag}></{tag}>',
    '发文单位', '发文字号', '发文日期', '效力状态', '公文时效', '标 题', '索引号', '主题分类',
]
# General remarks some sites put before their notice ("a summary is …, below the editor collected …"): written
# for wenshu, in the manner of those introductions, never copied from a page.
INTROS = ['总结是对过去一定时期的工作进行回顾和分析的书面材料，', '时间过得真快，转眼间一年的工作即将结束，',
          '计划是提高工作效率的前提，写好计划很重要。', '工作总结可以帮助我们发现问题、积累经验，', '日子如同白驹过隙，',
          '一段时间的工作结束了，回顾过去，我们收获了很多。', '在日常工作中，我们经常需要写各种报告，', '']

SITE_SUFFIX = ['文库', '文档网', '范文网', '网', '文秘网', '办公', '资料网', '文档', '范文大全', '公文网']
CATS = ['工作总结', '工作计划', '述职报告', '范文大全', '年终总结', '心得体会', '政府工作报告', '个人总结', '实用文档',
        '公文写作', '报告', '党团工作', '工作汇报', '总结报告', '行业资料', '教育专区']
SITE_WORDS = ['文档', '下载', '上传', '会员', '分享', '页数', '打印', '搜索', '标签', '首页', '推荐', '收藏', '浏览', '网站',
              '编辑', '来源', '资料', '档案', '格式', '大小', '整理', '发布', '阅读', '链接']
FORMATS = ['DOC', 'DOCX', 'PDF', 'PPT', 'TXT', 'doc', 'docx', 'pdf']


class Drawer:
    def __init__(self, rng, prose_lines, titles):
        self.rng = rng
        han = [c for l in prose_lines[:3000] for c in l if '\u4e00' <= c <= '\u9fff']
        self.han = han
        self.titles = titles
        self.words = [t[i:i + 2] for t in titles for i in range(0, max(1, len(t) - 1), 2)] or ['工作']

    def han_run(self, a, b):
        return ''.join(self.rng.choice(self.han) for _ in range(self.rng.randint(a, b)))

    def fill(self, form):
        r = self.rng
        def slot(m):
            k = m.group(1)
            if k == 'user':
                return r.choice([self.han_run(2, 4), 'b****%d' % r.randint(1, 9), 'w%d' % r.randint(1000, 99999),
                                 '%s%d' % (self.han_run(1, 2), r.randint(1, 999))])
            if k == 'num':
                return str(r.randint(10 ** 5, 10 ** 10))
            if k in ('date', 'datetime', 'time'):
                d = '%d-%02d-%02d' % (r.randint(2008, 2026), r.randint(1, 12), r.randint(1, 28))
                t = '%02d:%02d:%02d' % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
                return {'date': d, 'time': t, 'datetime': d + ' ' + t}[k]
            if k == 'fmt':
                return r.choice(FORMATS)
            if k == 'ext':
                return r.choice(['doc', 'docx', 'pdf'])
            if k == 'pages':
                return str(r.randint(2, 200))
            if k == 'n':
                return str(r.randint(1, 99999))
            if k == 'size':
                return r.choice(['%.2fKB' % r.uniform(10, 999), '%.1fMB' % r.uniform(0.1, 20), '%dKB' % r.randint(10, 999)])
            if k == 'site':
                return self.han_run(1, 3) + r.choice(SITE_SUFFIX)
            if k in ('cat', 'cat2'):
                return r.choice(CATS)
            if k == 'title':
                return r.choice(self.titles)
            if k == 'word':
                return r.choice(self.words)
            if k == 'url':
                host = ''.join(r.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(r.randint(3, 10)))
                return r.choice(['http://', 'https://', '']) + r.choice(['www.', 'm.', '']) + host + \
                    r.choice(['.com', '.cn', '.net', '.com.cn']) + r.choice(['', '/%d.html' % r.randint(1, 10 ** 7), '/doc/%x' % r.randint(1, 10 ** 9)])
            if k == 'year':
                return str(r.randint(2005, 2026))
            if k == 'wd':
                return r.choice('一二三四五六日')
            if k == 'lunar':
                return r.choice(['正月', '二月', '五月', '八月', '十月', '腊月']) + r.choice(['初一', '初七', '十五', '廿三'])
            if k == 'tag':
                return r.choice(['legend', 'sup', 'input', 's', 'span', 'div', 'p', 'font', 'strong', 'em', 'abbr', 'b'])
            if k == 'x':
                return ''.join(r.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(r.randint(3, 8)))
            if k == 'intro':
                return r.choice(INTROS)
            if k == 'w':
                return '%.2f' % r.uniform(0.1, 9.9)
            if k == 'icp':
                return r.choice(['京', '粤', '浙', '沪', '苏']) + 'ICP备%d号' % r.randint(10 ** 6, 10 ** 8)
            raise KeyError(k)
        line = re.sub(r'\{(\w+)\}', slot, form)
        # Sites differ in punctuation width and spacing.
        if r.random() < 0.4:
            line = line.replace('：', ':').replace('，', ',').replace('（', '(').replace('）', ')').replace('！', '!')
        if r.random() < 0.15:
            line = line.replace(' ', '  ')
        if r.random() < 0.1:
            line = '  ' + line
        return line


def generated_prose(rng, drawer):
    """Report lines the corpora lack: work-report titles, signatures and dates, short headings."""
    out = []
    kinds = ['工作总结', '工作计划', '述职报告', '年度工作总结', '上半年工作总结', '工作报告', '个人工作总结', '年终总结',
             '述职述廉报告', '工作要点', '工作情况汇报', '政府工作报告']
    cn_digits = '〇一二三四五六七八九'
    for _ in range(GENERATED_PROSE):
        y = rng.randint(1990, 2026)
        org = drawer.han_run(2, 6) + rng.choice(['局', '镇', '街道', '办公室', '中心', '公司', '学校', '委员会', '县', '区', '科', ''])
        form = rng.randrange(12)
        if form == 11:
            form = 10  # sentences of disclosure reports twice as often: they share the most words with sites
        if form == 0:
            out.append('%d年%s%s' % (y, org, rng.choice(kinds)))
        elif form == 1:
            out.append('%s%s' % (org, rng.choice(kinds)))
        elif form == 2:
            out.append('%d年%d月%d日' % (y, rng.randint(1, 12), rng.randint(1, 28)))
        elif form == 3:
            out.append(''.join(cn_digits[int(d)] for d in str(y)) + '年' + rng.choice(['一', '三', '五', '十', '十二']) + '月' +
                       rng.choice(['一', '八', '十五', '二十', '三十']) + '日')
        elif form == 4:
            out.append(org)
        elif form == 5:
            out.append(rng.choice(['一、', '二、', '三、', '（一）', '（二）', '1.', '2、']) + drawer.han_run(4, 14))
        elif form == 7:
            # Reports about documents, websites and services use the sites' words in report sentences
            # and titles: the words alone must not make a line furniture.
            w1, w2 = rng.sample(SITE_WORDS, 2)
            out.append(rng.choice([
                '关于%s%s%s服务管理的工作报告' % (org, w1, w2), '%s%d年%s%s工作总结' % (org, y, w1, w2),
                '全年完成%s%s%d万次，%s服务水平明显提升。' % (w1, rng.choice(['服务', '工作', '']), rng.randint(2, 99), w2),
                '%s开通网上%s和%s服务，%d个单位接入平台。' % (org, w1, w2, rng.randint(2, 99)),
                '一年来，%s编辑出版了%s汇编，%s了%s。' % (org, w1, rng.choice(['介绍', '整理', '推荐']), w2),
                '加强%s%s管理，规范%s流程，%s%d份。' % (w1, w2, w1, rng.choice(['完成', '整理', '归档']), rng.randint(10, 9999)),
            ]))
        elif form == 6:
            # A title as sites print it: spaced out, or as one document of a bundle.
            t = rng.choice(drawer.titles)
            out.append(rng.choice([' '.join(t), rng.choice(['篇一：', '第一篇:', '【一】', '篇2:', '第三篇：']) + t]))
        elif form == 9:
            # Rows of a report's tables, as pages render them (annual reports on information disclosure).
            cells = [rng.choice(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '行政许可', '行政处罚',
                                 '行政强制', '规章', '行政规范性文件', '本年处理决定数量', '申请人情况', '自然人',
                                 '商业企业', '科研机构', '其他', '总计', drawer.han_run(2, 8)])
                     for _ in range(rng.randint(1, 4))] + [str(rng.randint(0, 999)) for _ in range(rng.randint(0, 6))]
            row = ' | '.join(cells)
            out.append(rng.choice(['| %s |' % row, '%s |' % row, row.replace(' ', '')]))
        elif form == 10:
            # Sentences of annual reports on information disclosure, which use site words.
            w1, w2 = rng.sample(SITE_WORDS, 2)
            url = 'www.%s.gov.cn' % ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(2, 8)))
            out.append(rng.choice([
                '本报告的电子版可在%s门户网站（%s）下载。' % (org, url),
                '本报告电子版可在%s政府网站（%s）查阅或下载。' % (org, url),
                '如对本报告有疑问，请与%s联系（电话：0%d-%d）。' % (org, rng.randint(10, 999), rng.randint(1000000, 99999999)),
                '本年度通过%s门户网站主动公开政府信息%d条，网站访问量%d万人次。' % (org, rng.randint(10, 9999), rng.randint(1, 999)),
                '本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。' % (y, y),
                '本报告根据《中华人民共和国政府信息公开条例》规定编制。全文包括总体情况、主动公开政府信息情况等%s部分。' % (
                    rng.choice(['五', '六', '七'])),
                '通过%s网站发布%s信息%d条，举办新闻发布会%d次，解读重要政策文件%d篇次。' % (
                    org, w1, rng.randint(10, 9999), rng.randint(2, 99), rng.randint(2, 999)),
                '依托政府网站“%s专栏”，共发布政策解读稿件%d次，网站“互动交流”栏目回应公众咨询%d条。' % (
                    drawer.han_run(2, 4), rng.randint(2, 99), rng.randint(10, 9999)),
                '全年%s门户网站访问量%d万人次，发布%s%d条，%s%d篇，下载%s%d份。' % (
                    org, rng.randint(1, 999), w1, rng.randint(10, 9999), w2, rng.randint(2, 999), w1, rng.randint(2, 999)),
                '%s有%d户共%d人，下辖%d个村民小组，%s%d条，%s%d次。' % (
                    org, rng.randint(10, 999), rng.randint(100, 9999), rng.randint(2, 20), w1, rng.randint(2, 99), w2,
                    rng.randint(2, 99)),
            ]))
        else:
            out.append(rng.choice(['各位代表：', '同志们：', '尊敬的各位领导：', '述职人：' + drawer.han_run(2, 3),
                                   '汇报人：' + drawer.han_run(2, 3), '特此报告。', '谢谢大家！']))
    return out


def read_real(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '\t' not in line:
                continue
            family, text = line.rstrip('\n').split('\t', 1)
            out.append((family, text))
    return out


def cross_validate(base, real, prose, folds):
    """Held-out precision and recall on real furniture lines, by site family: the families are split into
    `folds` groups; each group is scored by a model trained on the base examples and the other groups' lines.
    Precision counts the held-out corpus prose lines above the threshold."""
    families = sorted({f for f, _ in real})
    fold_of = {f: k % folds for k, f in enumerate(families)}
    thresholds = [0.5, 0.9, 0.99]
    tp = {t: 0 for t in thresholds}
    fp = {t: 0 for t in thresholds}
    for k in range(folds):
        extra = [(features(l), 1) for f, l in real if fold_of[f] != k]
        bias, w = train(base + extra, random.Random(SEED + k))
        for f, l in real:
            if fold_of[f] == k:
                p = score(bias, w, features(l))
                for t in thresholds:
                    tp[t] += p >= t
        for l in prose:
            p = score(bias, w, features(l))
            for t in thresholds:
                fp[t] += p >= t
    print('cross-validation by site family (%d families, %d real furniture lines, %d folds; prose: the held-out '
          'corpus lines, once per fold):' % (len(families), len(real), folds))
    for t in thresholds:
        prec = tp[t] / (tp[t] + fp[t] / folds) if tp[t] + fp[t] else 1.0
        print('  p >= %.2f: recall %.4f (%d of %d), %.1f prose lines above per fold, precision %.4f' % (
            t, tp[t] / len(real), tp[t], len(real), fp[t] / folds, prec))


def traditional(lines):
    """The lines in traditional characters (ICU's Simplified-Traditional, through uconv of icu-devtools)."""
    import subprocess
    try:
        out = subprocess.run(['uconv', '-x', 'Simplified-Traditional'], input='\n'.join(lines), text=True,
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        print('uconv (icu-devtools) not found: no traditional-script lines trained', file=sys.stderr)
        return []
    out = out.split('\n')
    return out if len(out) == len(lines) else []


def train(examples, rng):
    """Logistic regression with SGD on binary features, classes weighted to equal mass."""
    pos = sum(y for _, y in examples)
    neg = len(examples) - pos
    cw = {1: len(examples) / (2.0 * pos), 0: len(examples) / (2.0 * neg)}
    w = {}
    bias = 0.0
    order = list(range(len(examples)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        lr = LEARNING_RATE / (1 + epoch)
        for i in order:
            f, y = examples[i]
            z = bias + sum(w.get(k, 0.0) for k in f)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * cw[y] * lr
            bias -= g
            for k in f:
                wk = w.get(k, 0.0)
                w[k] = wk - g - lr * L2 * wk
    return bias, w


def score(bias, w, f):
    z = bias + sum(w.get(k, 0.0) for k in f)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def report(name, probs_pos, probs_neg, thresholds):
    print('%s: %d furniture lines, %d prose lines' % (name, len(probs_pos), len(probs_neg)))
    for t in thresholds:
        tp = sum(p >= t for p in probs_pos)
        fp = sum(p >= t for p in probs_neg)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / len(probs_pos) if probs_pos else 0.0
        print('  p >= %.2f: precision %.4f recall %.4f (%d prose lines above)' % (t, prec, rec, fp))


def measure_segments(prob, labelled, held, gen_f, gen_p, show):
    """Partial lines: held-out generated furniture glued before or after a held-out report sentence or
    title, cut as site_lines.cc cuts it (segments.py); and every line of the clean corpora, where no cut
    should happen."""
    rng = random.Random(SEED + 1)
    sentences = [l.strip() for d, l, y in labelled if y == 0 and held(d) and segments.is_sentence(l.strip())]
    titles = [l for k, l in enumerate(gen_p) if k % 10 == 0 and not segments.is_sentence(l) and
              segments.han_count(l) >= segments.TITLE_STAYS_HAN and any(t in l for t in ('总结', '报告', '计划'))]
    furniture = [l.strip() for k, l in enumerate(gen_f) if k % 10 == 0 and segments.han_count(l) >= 2]
    exact = {True: 0, False: 0}
    total = {True: 0, False: 0}
    misses = []
    for k in range(2000):
        f = rng.choice(furniture)
        front = rng.random() < 0.7
        text = rng.choice(sentences) if not front or rng.random() < 0.6 else rng.choice(titles)
        sep = rng.choice(['', ' ', '  ', '\u3000']) if f[-1] in '。！？' else rng.choice([' ', '  ', '\u3000'])
        line = f + sep + text if front else text + sep + f
        whole = prob(line) >= (0.99 if segments.is_sentence(line) else 0.9)
        got = segments.cut(line, prob, whole, front)
        want = (len(f) + len(sep), len(line)) if front else (0, len(text))
        total[front] += 1
        if got == want:
            exact[front] += 1
        elif len(misses) < show:
            misses.append((got, want, line[:90]))
    print('partial lines (generated furniture glued to held-out report text): cut exactly %d of %d before the '
          'text, %d of %d after it' % (exact[True], total[True], exact[False], total[False]))
    for m in misses:
        print('   missed cut %s want %s %s' % m)
    cut_lines = []
    lines = 0
    for d, l, y in labelled:
        if y != 0 or not l.strip():
            continue
        lines += 1
        got = segments.cut(l, prob, False, False)
        if got != (0, len(l)):
            cut_lines.append((got, l[:60]))
    print('partial lines on clean report lines: %d of %d cut at p >= %.2f' % (
        len(cut_lines), lines, segments.SEGMENT_PROBABILITY))
    for got, l in cut_lines[:max(show, 20)]:
        print('   cut %s %s' % (got, l))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.environ.get('WENSHU_SHARED_DIR', '/work/shared'))
    ap.add_argument('--out', required=True)
    ap.add_argument('--real', help='furniture lines from real pages, held out (source<TAB>line)')
    ap.add_argument('--train-real', help='furniture lines from real pages to train on too (family<TAB>line)')
    ap.add_argument('--cv-real', help='cross-validate on furniture lines from real pages by site family '
                    '(family<TAB>line): each fold trains on the other families\' lines')
    ap.add_argument('--folds', type=int, default=4)
    ap.add_argument('--show-errors', type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(SEED)
    labelled = labelled_corpus(args.shared)
    docs = corpus_documents(args.shared)
    titles = []
    for row in provincial_titles(args.shared):
        titles.extend(c for c in row if c.endswith('报告') and len(c) < 40)
    national = os.path.join(args.shared, 'corpora/gov-reports-national-1954-2025/government_work_reports.jsonl')
    with open(national, encoding='utf-8') as f:
        for line in f:
            try:
                t = json.loads(line).get('title')
            except ValueError:
                continue
            if t:
                titles.append(t)
    prose_lines = [l for _, l, y in labelled if y == 0]
    drawer = Drawer(rng, prose_lines, titles)
    gen_f = [drawer.fill(rng.choice(FURNITURE_FORMS)) for _ in range(GENERATED_FURNITURE)]
    gen_p = generated_prose(rng, drawer) + titles

    held = lambda doc: doc % 3 == 2  # noqa: E731
    train_ex, test_pos, test_neg = [], [], []
    for doc, line, y in labelled:
        (test_pos if y else test_neg).append(line) if held(doc) else train_ex.append((features(line), y))
    for k, line in enumerate(gen_f):
        if k % 10 != 0:
            train_ex.append((features(line), 1))
    for k, line in enumerate(gen_p):
        if k % 10 != 0:
            train_ex.append((features(line), 0))
    # Converting sites print both the report and their own lines in traditional characters (當前位置 首頁 >
    # 工作總結): a share of each class is trained in traditional script too, so that the script says nothing.
    # More prose than furniture in traditional script, so that the script itself leans to prose (a converted
    # report's first sentence must not read as a site line).
    trad_f = [l for k, l in enumerate(gen_f) if k % 10 != 0 and k % 15 == 3]
    trad_p = [l for doc, l, y in labelled if y == 0 and not held(doc)][::4] + [l for k, l in enumerate(gen_p) if k % 10 == 5]
    for line in traditional(trad_f):
        train_ex.append((features(line), 1))
    for line in traditional(trad_p):
        train_ex.append((features(line), 0))
    if args.cv_real:
        cross_validate(train_ex, read_real(args.cv_real), test_neg, args.folds)
    if args.train_real:
        for _, line in read_real(args.train_real):
            train_ex.append((features(line), 1))
    bias, w = train(train_ex, rng)

    thresholds = [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99]
    report('held-out corpus documents (every third)', [score(bias, w, features(l)) for l in test_pos],
           [score(bias, w, features(l)) for l in test_neg], thresholds)
    report('held-out generated lines (every tenth)',
           [score(bias, w, features(l)) for k, l in enumerate(gen_f) if k % 10 == 0],
           [score(bias, w, features(l)) for k, l in enumerate(gen_p) if k % 10 == 0], thresholds)
    if args.real:
        real = []
        with open(args.real, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or '\t' not in line:
                    continue
                real.append(line.rstrip('\n').split('\t', 1)[1])
        probs = [score(bias, w, features(l)) for l in real]
        report('real furniture lines from pages (%s)' % ('trained on: in-sample' if args.train_real else
                                                         'never trained on'), probs,
               [score(bias, w, features(l)) for l in test_neg], thresholds)
        if args.show_errors:
            for p, l in sorted(zip(probs, real))[:args.show_errors]:
                print('   missed %.3f %s' % (p, l))
    if args.show_errors:
        neg = sorted(((score(bias, w, features(l)), l) for l in test_neg), reverse=True)
        for p, l in neg[:args.show_errors]:
            print('   prose scored %.3f %s' % (p, l[:60]))
        pos = sorted((score(bias, w, features(l)), l) for l in test_pos)
        for p, l in pos[:args.show_errors]:
            print('   chrome scored %.3f %s' % (p, l[:60]))

    measure_segments(lambda l: score(bias, w, features(l)), labelled, held, gen_f, gen_p, args.show_errors)

    kept = sorted((k, v) for k, v in w.items() if abs(v) >= MIN_WEIGHT)
    body = ''.join('W\t%s\t%.4f\n' % (k, v) for k, v in kept)
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('V\twenshu-furniture-model\t%d\t%s\tlines=%d\tsha256=%s\n' % (
            MODEL_FORMAT_VERSION, datetime.date.today().isoformat(), len(train_ex), digest))
        f.write('# wenshu furniture line model. Generated by tools/furniture/train.py; do not edit by hand.\n')
        f.write('# Rows: V version | B bias | W feature weight (features: tools/furniture/features.py)\n')
        f.write('B\t%.4f\n' % bias)
        f.write(body)
    print('wrote %s: %d weights' % (args.out, len(kept)))


if __name__ == '__main__':
    main()
