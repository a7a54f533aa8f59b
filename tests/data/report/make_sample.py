#!/usr/bin/env python3
"""Writes the bundled sample (examples/sample/report.txt) from its clean original (sample_clean.txt).

The sample is a report the project wrote for itself (no real document is copied), damaged the way
document-sharing sites damage reports (see the design's DAMAGE.md), in a fixed, documented order:

  1. every "10" inside a digit run becomes the mask "2023" (100 -> 20230, 5.10 -> 5.2023, 10、 -> 2023、)
  2. real years (2019 for this report, 2018 for the previous one) become the same mask "2023"
  3. percent signs after rates are dropped (安置率为92%, 覆盖率达到100% -> 到达20230)
  4. spun vocabulary: 开展->展开 first, then 发展->开展, 服务->效劳, 计划->方案, 规范->标准, 基本->根本,
     达到->到达, 基础->根底, 最佳->最正确
  5. closing quotes ” -> 〞; 高新区 -> 高XX县区
  6. a page footer cuts "到|目前为止"; the site's notice header, keyword tags and repeated titles on top

Run from the repository root: /usr/bin/python3 tests/data/report/make_sample.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
CLEAN = ROOT / "tests/data/report/sample_clean.txt"
OUT = ROOT / "examples/sample/report.txt"

HEADER = """温馨提示:
1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。
2. 本文档由用户上传,版权归属用户,范文库负责整理代发布。如果您对本文档版权有争议请及时联系客服。
3. 下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载,若出现内容与标题不符可向本站投诉处理。
4. 下载文档时可能由于网络波动等原因无法下载或下载错误,付费完成后未能成功下载的用户请联系客服处理。
网站客服:4008672395
2023
民政局
上半年
工作总结
某区民政局上半年工作总结
文章标题:某区民政局2023年上半年工作总结
2023年上半年工作总结
"""

FOOTER = "某区民政局上半年工作总结第2页\n"

SPUN = [("开展", "展开"), ("发展", "开展"), ("服务", "效劳"), ("计划", "方案"), ("规范", "标准"),
        ("基本", "根本"), ("达到", "到达"), ("基础", "根底"), ("最佳", "最正确")]


def damage(clean: str) -> str:
    lines = clean.split("\n")
    body = "\n".join(lines[1:])  # the clean title line is replaced by the site's titles
    body = re.sub(r"\d+", lambda m: m.group(0).replace("10", "2023"), body)
    body = body.replace("2019", "2023").replace("2018", "2023")
    body = re.sub(r"(率(?:为|达到|达到了)[0-9.]+)%", r"\1", body)
    body = body.replace("%以上", "以上")
    for before, after in SPUN:
        body = body.replace(before, "\0" + after + "\0")
    body = body.replace("\0", "")
    body = body.replace("”", "〞").replace("高新区", "高XX县区")
    cut = body.index("到目前为止") + len("到")
    body = body[:cut] + FOOTER + body[cut:]
    return HEADER + body


def main() -> None:
    OUT.write_text(damage(CLEAN.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
