// @node-rs/jieba (jieba-rs) segmentation of a file, line by line, HMM on (jieba's default), for
// bench/peers.sh. Prints the number of words.
const fs = require('fs')
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')

const jieba = Jieba.withDict(dict)
let words = 0
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.length > 0) words += jieba.cut(line, true).length
}
console.log(words)
